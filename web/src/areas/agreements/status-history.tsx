/**
 * A document's status history: every dated claim in date order, with its status, source and
 * note. Where two claims contradict each other, a marker with the reason stands just before the
 * later claim and names the earlier one.
 */
import { CalendarDate } from '../../components/calendar-date';
import { Message } from '../../components/message';
import { SourceText } from '../../components/source-text';
import { WarningFlag } from '../../components/warning-flag';
import { t } from '../../strings';
import { dateSortKey, formatCalendarDate, paragraphs } from './format';
import type { DocumentView, Claim } from './types';
import { statusLabel } from './words';

/** Props of StatusHistory. */
export interface StatusHistoryProps {
  /** The id of the section's heading, for in-page links. */
  readonly id: string;
  readonly claims: readonly Claim[];
  readonly contradictions: DocumentView['contradictions'];
}

/** The claims, oldest first; claims of the same date keep their order. */
function claimsInDateOrder(claims: readonly Claim[]): Claim[] {
  return claims
    .map((claim, index) => ({ claim, index }))
    .sort((a, b) => dateSortKey(a.claim.date) - dateSortKey(b.claim.date) || a.index - b.index)
    .map(({ claim }) => claim);
}

/** The status history section. */
export function StatusHistory({ id, claims, contradictions }: StatusHistoryProps) {
  const ordered = claimsInDateOrder(claims);
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('status.title')}</h2>
      {ordered.length === 0 ? (
        <p>{t('status.empty')}</p>
      ) : (
        <ol className="timeline">
          {ordered.map((claim) => (
            <ClaimItems
              key={claim.id}
              claim={claim}
              contradicted={contradictions
                .filter((c) => c.later === claim.id)
                .map((c) => ({ reason: c.reason, earlier: byId.get(c.earlier) }))}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

interface ClaimItemsProps {
  readonly claim: Claim;
  /** The contradictions in which this claim is the later one. */
  readonly contradicted: readonly {
    readonly reason: string;
    readonly earlier: Claim | undefined;
  }[];
}

function ClaimItems({ claim, contradicted }: ClaimItemsProps) {
  return (
    <>
      {contradicted.map(({ reason, earlier }, index) => (
        <li key={`contradiction-${index}`} className="timeline-contradiction">
          <p>
            <WarningFlag>
              <strong>{t('status.contradiction')}</strong>
            </WarningFlag>{' '}
            {earlier !== undefined &&
              t('status.contradicts', {
                later: formatCalendarDate(claim.date),
                earlier: formatCalendarDate(earlier.date),
              })}
          </p>
          <p>{reason}</p>
        </li>
      ))}
      <li className="timeline-claim">
        <p className="timeline-head">
          <strong>{statusLabel(claim.status)}</strong> <CalendarDate value={claim.date} />
        </p>
        <p className="cell-note">
          <SourceText source={claim.source} />
        </p>
        {claim.note !== undefined &&
          paragraphs(claim.note).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
      </li>
    </>
  );
}

/** A status claim in one line: the status, and the date it took effect. */
export function StatusOn({ claim }: { readonly claim: Claim }) {
  return (
    <Message
      id="claim.statusOn"
      values={{
        status: <strong>{statusLabel(claim.status)}</strong>,
        date: <CalendarDate value={claim.date} />,
      }}
    />
  );
}
