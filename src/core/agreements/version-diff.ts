/**
 * Word-by-word difference between two versions of a document's text (the `diff` library's
 * word diff), with counts, so a reader sees exactly which clause a final text dropped.
 */
import { diffWordsWithSpace } from 'diff';

/** One run of text: the same in both, only in the later version, or only in the earlier. */
export interface DiffPart {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

/** A diff with how many words each side gained or lost. */
export interface VersionDiff {
  readonly parts: DiffPart[];
  readonly wordsInserted: number;
  readonly wordsDeleted: number;
}

/** The word diff from `before` to `after`. Joining the equal and delete parts gives `before`. */
export function diffTexts(before: string, after: string): VersionDiff {
  const parts: DiffPart[] = diffWordsWithSpace(before, after).map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
  const words = (op: DiffPart['op']) =>
    parts
      .filter((p) => p.op === op)
      .reduce((sum, p) => sum + (p.text.match(/\S+/g)?.length ?? 0), 0);
  return { parts, wordsInserted: words('insert'), wordsDeleted: words('delete') };
}
