/**
 * The full concreteness scorecard of a commitment: one row per checklist point with its score
 * (a mark and words), the reason, the hedge words that bear on it, and what would raise it.
 */
import { DataTable } from '../../components/data-table';
import { ScoreMark } from '../../components/score-marks';
import { t } from '../../strings';
import { formatList } from './format';
import type { Scorecard } from './types';
import { pointTitle } from './words';

/** Props of CommitmentScorecard. */
export interface CommitmentScorecardProps {
  /** The id of the section's heading. */
  readonly id: string;
  readonly scorecard: Scorecard;
}

/** The scorecard section. */
export function CommitmentScorecard({ id, scorecard }: CommitmentScorecardProps) {
  const caption = t('scorecard.caption', {
    total: scorecard.total,
    max: scorecard.max,
    grade: scorecard.grade,
  });
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{t('scorecard.title')}</h2>
      <p className="score-headline">{caption}</p>
      <p className="muted">{t('scorecard.legend')}</p>
      <DataTable
        className="table-top scorecard-table"
        caption={caption}
        columns={[
          t('scorecard.colPoint'),
          t('scorecard.colScore'),
          t('scorecard.colReason'),
          t('scorecard.colHedges'),
          t('scorecard.colRaise'),
        ]}
      >
        {scorecard.points.map((point) => (
          <tr key={point.point}>
            <th scope="row">
              {t('scorecard.pointTitle', { point: point.point, title: pointTitle(point) })}
            </th>
            <td className="cell-nowrap">
              <ScoreMark point={point} />{' '}
              <span aria-hidden="true">{t('scorecard.scoreOf', { score: point.score })}</span>
            </td>
            <td>{point.reason}</td>
            <td>
              {point.hedges.length === 0
                ? t('scorecard.noHedges')
                : formatList(
                    point.hedges.map((hedge) => t('scorecard.hedge', { phrase: hedge.phrase })),
                  )}
            </td>
            <td>{point.raise ?? t('scorecard.raiseNone')}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
