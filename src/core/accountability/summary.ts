/**
 * The folds behind alerts and guarantor summaries: the worst severity among findings, and per
 * guarantor, activations by status with the median time to the first qualifying response.
 */
import { SEVERITIES, type Severity } from '../agreements/vocabulary.js';
import { ACTIVATION_STATUSES, type ActivationStatus } from './model.js';

/** The gravest of the severities; 'minor' when there are none. */
export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'minor';
  for (const s of severities) if (SEVERITIES.indexOf(s) > SEVERITIES.indexOf(worst)) worst = s;
  return worst;
}

/**
 * The median of numbers sorted ascending, rounded to one decimal; null when there are none.
 * Requires `sorted` to be in ascending order.
 */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return Math.round(value * 10) / 10;
}

/** What a guarantor summary needs of one activation. */
export interface ActivationOutcome {
  readonly id: string;
  readonly obligor: string;
  readonly status: ActivationStatus;
  readonly late: boolean;
  readonly activatedAt: string;
}

/** One guarantor's record: activations by status, late responses, median hours to respond. */
export type GuarantorSummary = {
  readonly obligor: string;
  readonly activations: number;
  readonly lateResponses: number;
  /** Median hours from activation to the first qualifying response; null when none came. */
  readonly medianResponseHours: number | null;
} & Readonly<Record<ActivationStatus, number>>;

/**
 * Per guarantor (ordered by actor id): its activations counted by status, the late responses,
 * and the median time from activation to the first qualifying response. `firstResponse` maps an
 * activation id to the time of its first qualifying response.
 */
export function summarizeGuarantors(
  activations: readonly ActivationOutcome[],
  firstResponse: ReadonlyMap<string, string>,
): GuarantorSummary[] {
  const byObligor = new Map<string, ActivationOutcome[]>();
  for (const a of activations) byObligor.set(a.obligor, [...(byObligor.get(a.obligor) ?? []), a]);
  return [...byObligor.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([obligor, list]) => {
      const counts = Object.fromEntries(
        ACTIVATION_STATUSES.map((s) => [s, list.filter((a) => a.status === s).length]),
      ) as Record<ActivationStatus, number>;
      const hours = list
        .flatMap((a) => {
          const at = firstResponse.get(a.id);
          return at === undefined ? [] : [(Date.parse(at) - Date.parse(a.activatedAt)) / 3_600_000];
        })
        .sort((a, b) => a - b);
      return {
        obligor,
        activations: list.length,
        ...counts,
        lateResponses: list.filter((a) => a.late).length,
        medianResponseHours: median(hours),
      };
    });
}
