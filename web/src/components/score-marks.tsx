/**
 * A commitment's concreteness at a glance: the total out of 26 with its grade, and the 13
 * points as a row of marks. Each mark shows its score as a digit and a distinct shape (empty,
 * half, full), and names the point and score for assistive technology.
 */
import type { PointScore, Scorecard } from '../areas/agreements/types';
import { pointTitle } from '../areas/agreements/words';
import { t, type MessageId } from '../strings';

const LEVELS: readonly MessageId[] = ['score.level0', 'score.level1', 'score.level2'];

/** The words for one point's score: "Point 6, Obligation strength: 1 of 2 (partly concrete)". */
export function pointScoreLabel(point: PointScore): string {
  return t('score.mark', {
    point: point.point,
    title: pointTitle(point),
    score: point.score,
    level: t(LEVELS[point.score] ?? 'score.level0'),
  });
}

/** "8 / 26, grade D". */
function scoreSummary(scorecard: Scorecard): string {
  return t('score.summary', {
    total: scorecard.total,
    max: scorecard.max,
    grade: scorecard.grade,
  });
}

/** One point's mark: the digit in a box whose fill and border differ by score. */
export function ScoreMark({ point }: { readonly point: PointScore }) {
  const label = pointScoreLabel(point);
  return (
    <span className={`score-mark score-mark-${point.score}`} title={label}>
      <span aria-hidden="true">{point.score}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** The total and the row of 13 marks. */
export function ScoreMarks({ scorecard }: { readonly scorecard: Scorecard }) {
  return (
    <div className="score-compact">
      <span className="score-total">{scoreSummary(scorecard)}</span>
      <ol className="score-marks" aria-label={t('score.marksLabel')}>
        {scorecard.points.map((point) => (
          <li key={point.point}>
            <ScoreMark point={point} />
          </li>
        ))}
      </ol>
    </div>
  );
}
