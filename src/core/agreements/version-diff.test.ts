import { describe, expect, it } from 'vitest';
import { diffTexts } from './version-diff.js';

describe('version diff', () => {
  it('shows a clause cut between draft and final, word by word', () => {
    const draft =
      'The coalition will deploy a force. The United States will support the force if it is attacked. Monitoring follows.';
    const final = 'The coalition will deploy a force. Monitoring follows.';
    const diff = diffTexts(draft, final);
    const deleted = diff.parts
      .filter((p) => p.op === 'delete')
      .map((p) => p.text)
      .join('');
    expect(deleted).toContain('The United States will support the force if it is attacked.');
    expect(diff.wordsDeleted).toBe(11);
    expect(diff.wordsInserted).toBe(0);
  });

  it('rebuilds both texts from its parts', () => {
    const before = 'Heavy weapons shall be withdrawn within 14 days.';
    const after = 'All heavy weapons shall be withdrawn within 21 days.';
    const { parts } = diffTexts(before, after);
    const join = (ops: string[]) =>
      parts
        .filter((p) => ops.includes(p.op))
        .map((p) => p.text)
        .join('');
    expect(join(['equal', 'delete'])).toBe(before);
    expect(join(['equal', 'insert'])).toBe(after);
  });

  it('finds nothing to change between equal texts', () => {
    const diff = diffTexts('same words', 'same words');
    expect(diff.parts).toEqual([{ op: 'equal', text: 'same words' }]);
    expect(diff.wordsDeleted + diff.wordsInserted).toBe(0);
  });
});
