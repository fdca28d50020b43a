/**
 * The board's commitments: each document that has commitments, linked to its page, with its
 * commitments (of one guarantor when the board is filtered), each linked to its own page in the
 * agreements area and shown with its compact concreteness scorecard.
 */
import { useCallback } from 'react';
import { DataTable } from '../../components/data-table';
import { ErrorMessage } from '../../components/error-message';
import { Link } from '../../components/link';
import { ScoreMarks } from '../../components/score-marks';
import { getDocument, listDocuments } from '../../endpoints';
import { t } from '../../strings';
import { useLoad } from '../../use-load';
import { commitmentParties } from '../agreements/document-commitments';
import { commitmentPath, documentPath } from '../agreements/paths';
import type { Actor, DocumentView } from '../agreements/types';

/** The board shows the commitments of at most this many documents. */
const MAX_DOCUMENTS = 20;

/** Every document with commitments, in full (their scorecards come with them). */
async function loadScoredDocuments(): Promise<DocumentView[]> {
  const documents = await listDocuments();
  const withCommitments = documents.filter((d) => d.commitments > 0).slice(0, MAX_DOCUMENTS);
  return Promise.all(withCommitments.map((d) => getDocument(d.id)));
}

/** Props of BoardCommitments. */
export interface BoardCommitmentsProps {
  /** Show only this guarantor's commitments; all when null. */
  readonly obligor: string | null;
  /** Changing it loads the documents again, keeping the current ones on screen meanwhile. */
  readonly refreshKey?: number;
}

/** The commitments section of the board. */
export function BoardCommitments({ obligor, refreshKey = 0 }: BoardCommitmentsProps) {
  // refreshKey is read only to make a new load function when it changes.
  const load = useCallback(() => loadScoredDocuments(), [refreshKey]);
  const { data, error, loading } = useLoad(load);
  const shown = (data ?? [])
    .map((view) => ({
      view,
      commitments: view.commitments.filter(
        (scored) => obligor === null || scored.commitment.obligor === obligor,
      ),
    }))
    .filter((entry) => entry.commitments.length > 0);
  return (
    <section className="panel" aria-labelledby="board-commitments-title">
      <h2 id="board-commitments-title">{t('board.commitmentsTitle')}</h2>
      <p className="muted">{t('board.commitmentsIntro')}</p>
      <ErrorMessage error={error} />
      {loading && data === undefined && <p role="status">{t('app.loading')}</p>}
      {data !== undefined && shown.length === 0 && <p>{t('board.noDocuments')}</p>}
      {shown.map(({ view, commitments }) => (
        <DocumentScores
          key={view.document.id}
          view={view}
          commitments={commitments}
          actors={view.actors}
        />
      ))}
    </section>
  );
}

interface DocumentScoresProps {
  readonly view: DocumentView;
  readonly commitments: DocumentView['commitments'];
  readonly actors: readonly Actor[];
}

function DocumentScores({ view, commitments, actors }: DocumentScoresProps) {
  const { document } = view;
  const headingId = `board-document-${document.id}`;
  return (
    <div className="board-document">
      <h3 id={headingId}>
        <Link to={documentPath(document.id)}>{document.shortTitle ?? document.title}</Link>
      </h3>
      <DataTable
        labelledBy={headingId}
        className="table-top"
        columns={[t('board.colDocCommitment'), t('board.colScore')]}
      >
        {commitments.map(({ commitment, scorecard }) => (
          <tr key={commitment.id}>
            <th scope="row">
              <Link to={commitmentPath(document.id, commitment.id)}>
                {commitmentParties(commitment, actors)}{' '}
                <span className="commitment-id">({commitment.id})</span>
              </Link>
            </th>
            <td>
              <ScoreMarks scorecard={scorecard} />
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
