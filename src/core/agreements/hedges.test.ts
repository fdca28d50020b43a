import { describe, expect, it } from 'vitest';
import { findHedges, type HedgeKind } from './hedges.js';

/** The phrases found, in order. */
const phrases = (text: string) => findHedges(text).map((h) => h.phrase);
const kinds = (text: string): HedgeKind[] => findHedges(text).map((h) => h.kind);

describe('findHedges', () => {
  it('gives exact UTF-16 positions, so slicing the text returns each phrase', () => {
    const text =
      'Les garants — « ensemble » — may consult one another, and will seek a meeting where possible.';
    const hedges = findHedges(text);
    expect(hedges.map((h) => h.phrase)).toEqual(['may', 'consult', 'seek', 'where possible']);
    for (const hedge of hedges) expect(text.slice(hedge.start, hedge.end)).toBe(hedge.phrase);
  });

  it('matches multi-word phrases across line breaks and runs of spaces, keeping the text as written', () => {
    const text =
      'Each guarantor will act as it\n   deems  necessary, in accordance with\ntheir own legal and constitutional\nrequirements.';
    const hedges = findHedges(text);
    expect(hedges.map((h) => h.kind)).toEqual([
      'deems_necessary',
      'in_accordance_with_requirements',
    ]);
    expect(hedges[0]?.phrase).toBe('as it\n   deems  necessary');
    expect(hedges[1]?.phrase).toBe(
      'in accordance with\ntheir own legal and constitutional\nrequirements',
    );
    for (const hedge of hedges) expect(text.slice(hedge.start, hedge.end)).toBe(hedge.phrase);
  });

  it('is case-insensitive and keeps the original spelling', () => {
    expect(phrases('The Parties MAY Consider Further Steps.')).toEqual(['MAY', 'Consider']);
  });

  it('counts inflections of the hedge words', () => {
    expect(
      kinds('It considered the matter, kept seeking help, held consultations, sought advice.'),
    ).toEqual(['consider', 'seek', 'consult', 'seek']);
    expect(kinds('It intends, with the intention to act, and strives; it endeavoured.')).toEqual([
      'intend',
      'intend',
      'strive',
      'endeavour',
    ]);
    expect(kinds('They will use best endeavors.')).toEqual(['endeavour']);
  });

  it('does not flag words that merely contain a hedge word', () => {
    expect(
      findHedges('The mayor of the town asked for considerable help and reconsidered.'),
    ).toEqual([]);
    // A consultant is a person, not a process; "seeking" is an inflection of "seek".
    expect(phrases('A consultant drafted it; the support staff were seeking a date.')).toEqual([
      'seeking',
    ]);
  });

  it('reads "May" next to a number as the month', () => {
    expect(findHedges('Signed at the capital on 5 May 1994 and in May 2024.')).toEqual([]);
    expect(phrases('May the guarantors act?')).toEqual(['May']);
  });

  it('flags support without an object but not support of a named recipient', () => {
    expect(phrases('They will provide appropriate support to the victim.')).toEqual([
      'appropriate support',
    ]);
    expect(phrases('The guarantors will support the forces of the victim.')).toEqual([]);
    expect(phrases('The guarantors will support Ukraine with air defence.')).toEqual([]);
    expect(phrases('They shall support, train and equip the brigades.')).toEqual([]);
    expect(phrases('They will offer their support.')).toEqual(['support']);
    expect(phrases('They will provide support as the situation requires.')).toEqual(['support']);
    expect(findHedges('Necessary support.').map((h) => h.kind)).toEqual(['support_without_object']);
  });

  it('flags "promptly" alone but not when the same sentence gives a number of hours', () => {
    expect(phrases('The guarantors shall meet promptly.')).toEqual(['promptly']);
    expect(phrases('The guarantors shall meet promptly and in any case within 24 hours.')).toEqual(
      [],
    );
    expect(
      phrases('They shall respond without delay, at the latest within seventy-two (72) hours.'),
    ).toEqual([]);
    expect(phrases('They shall meet within 24 hours. They shall act promptly.')).toEqual([
      'promptly',
    ]);
    expect(phrases('They shall respond without undue delay.')).toEqual(['without undue delay']);
  });

  it('does not flag "immediately", which lacks a number but does not soften the promise', () => {
    expect(findHedges('The guarantor shall immediately deploy two batteries.')).toEqual([]);
  });

  it('keeps only the longer of two hedges when one contains the other', () => {
    expect(findHedges('such measures as it considers necessary').map((h) => h.phrase)).toEqual([
      'as it considers necessary',
    ]);
    expect(phrases('such action as may be deemed necessary')).toEqual([
      'as may be deemed necessary',
    ]);
  });

  it('assigns process words to point 5, qualifiers to point 6 and time words to point 7', () => {
    const hedges = findHedges(
      'They will seek consultations, may act as appropriate, and will respond promptly with appropriate support.',
    );
    expect(hedges.map((h) => [h.kind, h.point])).toEqual([
      ['seek', 5],
      ['consult', 5],
      ['may', 6],
      ['as_appropriate', 6],
      ['promptly', 7],
      ['support_without_object', 5],
    ]);
    expect(hedges[0]?.message).toBe('"seek" promises to ask others to act, not to act');
  });

  it('finds nothing in a concrete commitment', () => {
    expect(
      findHedges(
        'The guarantor shall deploy two air defence batteries to the security zone within 72 hours of a verified strike.',
      ),
    ).toEqual([]);
  });
});
