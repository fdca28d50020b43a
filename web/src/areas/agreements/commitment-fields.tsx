/**
 * A commitment's fields in plain words: who owes whom, how strongly, what triggers it, the
 * responses with their quantities, the deadline and what it binds, duration and exit,
 * preconditions with their status, qualifiers, backing, terms that differ between languages,
 * open questions, and which versions hold it. A field the commitment leaves out says so.
 */
import type { ReactNode } from 'react';
import { CalendarDate } from '../../components/calendar-date';
import { Message } from '../../components/message';
import { SourceText } from '../../components/source-text';
import { t, type MessageId } from '../../strings';
import { formatDuration, formatList, formatNumber } from './format';
import type { Actor, Commitment, CommitmentResponse, Trigger } from './types';
import {
  actorName,
  appropriationLabel,
  backingLevelLabel,
  deadlineBindsLabel,
  eventTypeLabel,
  languageName,
  preconditionStatusLabel,
  responseKindLabel,
  severityLabel,
  strengthLabel,
  verificationLabel,
} from './words';

/** Props of CommitmentFields. */
export interface CommitmentFieldsProps {
  readonly commitment: Commitment;
  readonly actors: readonly Actor[];
}

/** The fields as a description list. */
export function CommitmentFields({ commitment, actors }: CommitmentFieldsProps) {
  const names = (ids: readonly string[]) => formatList(ids.map((id) => actorName(actors, id)));
  const obligor = actorName(actors, commitment.obligor);
  return (
    <dl className="facts fields">
      <Field label="field.parties">
        {commitment.beneficiary === undefined
          ? t('field.noBeneficiary', { obligor })
          : t('commitments.parties', {
              obligor,
              beneficiary: actorName(actors, commitment.beneficiary),
            })}
      </Field>
      <Field label="field.strength">{strengthLabel(commitment.strength)}</Field>
      <Field label="field.trigger">
        {commitment.trigger === undefined ? (
          t('trigger.none')
        ) : (
          <TriggerText trigger={commitment.trigger} names={names} />
        )}
      </Field>
      <Field label="field.responses">
        {commitment.responses === undefined || commitment.responses.length === 0 ? (
          t('response.none')
        ) : (
          <ul className="plain-list">
            {commitment.responses.map((response, index) => (
              <li key={index}>
                <ResponseText response={response} />
              </li>
            ))}
          </ul>
        )}
      </Field>
      <Field label="field.deadline">
        {commitment.deadline === undefined
          ? t('deadline.none')
          : t('deadline.text', {
              duration: formatDuration(commitment.deadline.duration),
              binds: deadlineBindsLabel(commitment.deadline.binds),
            })}
      </Field>
      <Field label="field.validity">
        <ValidityText validity={commitment.validity} />
      </Field>
      <Field label="field.preconditions">
        <ListOrNone items={commitment.preconditions}>
          {(precondition) => (
            <>
              {precondition.text}{' '}
              <span className="status-word">
                {t('precondition.status', {
                  status: preconditionStatusLabel(precondition.status),
                })}
              </span>
              {precondition.source !== undefined && (
                <span className="cell-note">
                  <SourceText source={precondition.source} />
                </span>
              )}
            </>
          )}
        </ListOrNone>
      </Field>
      <Field label="field.qualifiers">
        <ListOrNone items={commitment.qualifiers}>{(qualifier) => qualifier}</ListOrNone>
      </Field>
      <Field label="field.backing">
        {commitment.backing === undefined ? (
          t('field.none')
        ) : (
          <>
            {backingLevelLabel(commitment.backing.level)}
            {commitment.backing.description !== undefined && (
              <span className="cell-note">{commitment.backing.description}</span>
            )}
          </>
        )}
      </Field>
      <Field label="field.termDivergences">
        <ListOrNone items={commitment.termDivergences}>
          {(divergence) =>
            t('term.item', {
              term: divergence.term,
              languages: formatList(divergence.languages.map(languageName)),
              note: divergence.note.trim().replace(/\s*\n\s*/g, ' '),
            })
          }
        </ListOrNone>
      </Field>
      <Field label="field.openQuestions">
        <ListOrNone items={commitment.openQuestions}>{(question) => question}</ListOrNone>
      </Field>
      <Field label="field.versions">
        {commitment.versions === undefined
          ? t('field.allVersions')
          : t('field.onlyVersions', { versions: formatList(commitment.versions) })}
      </Field>
    </dl>
  );
}

function Field({ label, children }: { readonly label: MessageId; readonly children: ReactNode }) {
  return (
    <div>
      <dt>{t(label)}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ListOrNone<T>({
  items,
  children,
}: {
  readonly items: readonly T[] | undefined;
  readonly children: (item: T) => ReactNode;
}) {
  if (items === undefined || items.length === 0) return <>{t('field.none')}</>;
  return (
    <ul className="plain-list">
      {items.map((item, index) => (
        <li key={index}>{children(item)}</li>
      ))}
    </ul>
  );
}

function TriggerText({
  trigger,
  names,
}: {
  readonly trigger: Trigger;
  readonly names: (ids: readonly string[]) => string;
}) {
  const lines: string[] = [];
  if (trigger.eventTypes !== undefined) {
    lines.push(t('trigger.events', { list: formatList(trigger.eventTypes.map(eventTypeLabel)) }));
  }
  if (trigger.actors !== undefined)
    lines.push(t('trigger.actors', { list: names(trigger.actors) }));
  if (trigger.zones !== undefined) {
    lines.push(t('trigger.zones', { list: formatList(trigger.zones) }));
  }
  if (trigger.area !== undefined) lines.push(t('trigger.area', { area: trigger.area }));
  if (trigger.minSeverity !== undefined) {
    lines.push(t('trigger.minSeverity', { severity: severityLabel(trigger.minSeverity) }));
  }
  if (trigger.minVerification !== undefined) {
    lines.push(t('trigger.minVerification', { level: verificationLabel(trigger.minVerification) }));
  }
  const by = trigger.determinedBy;
  if (by !== undefined) {
    lines.push(t('trigger.determinedBy', { body: by.body }));
    if (by.vetoHolders !== undefined && by.vetoHolders.length > 0) {
      lines.push(t('trigger.vetoHolders', { list: names(by.vetoHolders) }));
    }
    if (by.obligorAlone === true) lines.push(t('trigger.obligorAlone'));
  }
  if (trigger.mechanism !== undefined) {
    lines.push(t('trigger.mechanism', { mechanism: trigger.mechanism }));
  }
  return (
    <ul className="plain-list">
      {lines.map((line, index) => (
        <li key={index}>{line}</li>
      ))}
    </ul>
  );
}

function ResponseText({ response }: { readonly response: CommitmentResponse }) {
  const details: string[] = [];
  if (response.description !== undefined) details.push(response.description);
  if (response.quantity !== undefined) {
    details.push(
      t('response.quantity', {
        amount: formatNumber(response.quantity.amount),
        unit: response.quantity.unit,
      }),
    );
  }
  if (response.period !== undefined) {
    details.push(t('response.period', { duration: formatDuration(response.period) }));
  }
  if (response.appropriation !== undefined) {
    details.push(t('response.appropriation', { need: appropriationLabel(response.appropriation) }));
  }
  return (
    <>
      <strong>{responseKindLabel(response.kind)}</strong>
      {details.map((detail, index) => (
        <span key={index} className="cell-note">
          {detail}
        </span>
      ))}
    </>
  );
}

function ValidityText({ validity }: { readonly validity: Commitment['validity'] }) {
  if (validity === undefined) return <>{t('validity.none')}</>;
  const items: ReactNode[] = [];
  if (validity.start !== undefined) {
    items.push(
      <Message id="validity.start" values={{ date: <CalendarDate value={validity.start} /> }} />,
    );
  }
  if (validity.end !== undefined) {
    items.push(
      <Message id="validity.end" values={{ date: <CalendarDate value={validity.end} /> }} />,
    );
  }
  if (validity.duration !== undefined) {
    items.push(t('validity.duration', { duration: formatDuration(validity.duration) }));
  }
  if (validity.untilEvent !== undefined) {
    items.push(t('validity.untilEvent', { event: validity.untilEvent }));
  }
  if (validity.indefinite === true) items.push(t('validity.indefinite'));
  if (validity.terminationNotice !== undefined) {
    items.push(t('validity.notice', { duration: formatDuration(validity.terminationNotice) }));
  }
  if (items.length === 0) return <>{t('validity.none')}</>;
  return (
    <ul className="plain-list">
      {items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
