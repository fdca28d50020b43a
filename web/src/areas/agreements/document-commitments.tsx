/**
 * A document's commitments: who owes what to whom, how strongly, from which provision, and a
 * compact concreteness scorecard; each links to its own page with the full scorecard.
 */
import { Link } from '../../components/link';
import { ScoreMarks } from '../../components/score-marks';
import { t } from '../../strings';
import { formatList } from './format';
import { commitmentPath } from './paths';
import type { Actor, Commitment, Provision, ScoredCommitment } from './types';
import { actorName, strengthLabel } from './words';

/** Props of DocumentCommitments. */
export interface DocumentCommitmentsProps {
  /** The id of the section's heading, for in-page links. */
  readonly id: string;
  readonly documentId: string;
  readonly commitments: readonly ScoredCommitment[];
  readonly provisions: readonly Provision[];
  readonly actors: readonly Actor[];
}

/** "United States → Ukraine", or the obligor alone when no beneficiary is named. */
export function commitmentParties(commitment: Commitment, actors: readonly Actor[]): string {
  const obligor = actorName(actors, commitment.obligor);
  return commitment.beneficiary === undefined
    ? obligor
    : t('commitments.parties', { obligor, beneficiary: actorName(actors, commitment.beneficiary) });
}

/** The commitments section. */
export function DocumentCommitments(props: DocumentCommitmentsProps) {
  const { id, commitments } = props;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('commitments.title')}</h2>
      {commitments.length === 0 ? (
        <p>{t('commitments.empty')}</p>
      ) : (
        <>
          <p className="muted">{t('scorecard.legend')}</p>
          <ul className="card-list">
            {commitments.map((scored) => (
              <CommitmentCard key={scored.commitment.id} scored={scored} {...props} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface CommitmentCardProps extends DocumentCommitmentsProps {
  readonly scored: ScoredCommitment;
}

function CommitmentCard({ scored, documentId, provisions, actors }: CommitmentCardProps) {
  const { commitment, scorecard } = scored;
  const provision = provisions.find((p) => p.id === commitment.provision);
  const facts = [t('commitments.strength', { strength: strengthLabel(commitment.strength) })];
  if (provision !== undefined) facts.push(t('commitments.from', { locator: provision.locator }));
  if (commitment.versions !== undefined) {
    facts.push(t('commitments.onlyIn', { versions: formatList(commitment.versions) }));
  }
  return (
    <li className="card">
      <h3 className="card-title">
        <Link to={commitmentPath(documentId, commitment.id)}>
          {commitmentParties(commitment, actors)}{' '}
          <span className="commitment-id">({commitment.id})</span>
        </Link>
      </h3>
      <p className="cell-note">{facts.join(' · ')}</p>
      <ScoreMarks scorecard={scorecard} />
    </li>
  );
}
