/**
 * A commitment's source text with its hedge words highlighted: each is a `<mark>` whose title
 * says why the words are vague. The hedges' offsets index into exactly this text.
 */
import type { Hedge } from '../areas/agreements/types';

/** The hedges in text order, without duplicates or overlaps, inside the text's bounds. */
export function orderedHedges(text: string, hedges: readonly Hedge[]): Hedge[] {
  const sorted = [...hedges].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hedge[] = [];
  for (const hedge of sorted) {
    const last = kept[kept.length - 1];
    const inBounds = hedge.start >= 0 && hedge.end <= text.length && hedge.start < hedge.end;
    if (inBounds && (last === undefined || hedge.start >= last.end)) kept.push(hedge);
  }
  return kept;
}

/** Props of HedgedText. */
export interface HedgedTextProps {
  readonly text: string;
  readonly hedges: readonly Hedge[];
}

/** The text as one block, hedge words marked. */
export function HedgedText({ text, hedges }: HedgedTextProps) {
  const parts = [];
  let at = 0;
  for (const hedge of orderedHedges(text, hedges)) {
    if (hedge.start > at) parts.push(text.slice(at, hedge.start));
    parts.push(
      <mark key={hedge.start} className="hedge" title={hedge.message}>
        {text.slice(hedge.start, hedge.end)}
      </mark>,
    );
    at = hedge.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <blockquote className="hedged-text">{parts}</blockquote>;
}
