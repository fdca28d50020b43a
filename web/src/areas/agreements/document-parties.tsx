/**
 * The parties and signatures of a document: each actor's role and where its signature stands,
 * in words. An actor that attended but did not sign, or refused, is flagged: such an actor is
 * not bound by the text.
 */
import { CalendarDate } from '../../components/calendar-date';
import { TablePanel } from '../../components/table-panel';
import { WarningFlag } from '../../components/warning-flag';
import { t } from '../../strings';
import type { Actor, AgreementDocument, DocumentRoleEntry } from './types';
import { actorKindLabel, actorName, isUnsigned, roleLabel, signatureLabel } from './words';

/** Props of DocumentParties. */
export interface DocumentPartiesProps {
  /** The id of the section's heading, for in-page links. */
  readonly id: string;
  readonly document: AgreementDocument;
  readonly actors: readonly Actor[];
}

/** The parties section. */
export function DocumentParties({ id, document, actors }: DocumentPartiesProps) {
  return (
    <TablePanel
      id={id}
      title={t('parties.title')}
      isEmpty={document.roles.length === 0}
      empty={t('parties.empty')}
      columns={[
        t('parties.colActor'),
        t('parties.colRole'),
        t('parties.colSignature'),
        t('parties.colSignatory'),
        t('parties.colDate'),
      ]}
    >
      {document.roles.map((role, index) => (
        <RoleRow key={`${role.actor}-${role.role}-${index}`} role={role} actors={actors} />
      ))}
    </TablePanel>
  );
}

function RoleRow({
  role,
  actors,
}: {
  readonly role: DocumentRoleEntry;
  readonly actors: readonly Actor[];
}) {
  const kind = actors.find((actor) => actor.id === role.actor)?.kind;
  const signature =
    role.signature === undefined ? t('parties.noSignature') : signatureLabel(role.signature);
  return (
    <tr>
      <th scope="row">
        {t('parties.actor', { name: actorName(actors, role.actor), id: role.actor })}
        {kind !== undefined && <span className="cell-note">{actorKindLabel(kind)}</span>}
      </th>
      <td>{roleLabel(role.role)}</td>
      <td>{isUnsigned(role.signature) ? <WarningFlag>{signature}</WarningFlag> : signature}</td>
      <td>{role.signatory ?? t('time.none')}</td>
      <td>{role.date === undefined ? t('time.none') : <CalendarDate value={role.date} />}</td>
    </tr>
  );
}
