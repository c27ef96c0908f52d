// Small helpers over plain collections, shared by the steps of the pipeline.

import { Word } from './text';

/** The items under their keys, each list in the order of `items`. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Words to look a token up in, written as one string with a space between them. A set answers what an
 * anchored alternation /^(?:a|b)$/ answers, for less: the word lists read for every token, or around
 * every figure or cue, are sets.
 */
export function wordSet(words: string): Set<string> {
  return new Set(words.split(' '));
}

/** How many WordTests were made: each takes the next bit of Word.asked and Word.answers. */
let wordTestsMade = 0;
const WORD_TEST_BITS = 32;

/**
 * A question about a single word (is it a speech verb, may a number start with it) asked of most tokens:
 * the answer is kept on the word, so that it is worked out once per distinct word and read back from
 * a field afterwards, instead of a set lookup per token. `holds` must depend on the word alone. Past
 * 32 tests there are no bits left, and a test asks `holds` every time.
 */
export class WordTest {
  private readonly bit: number;

  constructor(private readonly holds: (word: Word) => boolean) {
    this.bit = wordTestsMade < WORD_TEST_BITS ? 1 << wordTestsMade : 0;
    wordTestsMade++;
  }

  has(word: Word): boolean {
    const bit = this.bit;
    if ((word.asked & bit) !== 0) return (word.answers & bit) !== 0;
    const answer = this.holds(word);
    word.asked |= bit;
    if (answer) word.answers |= bit;
    return answer;
  }
}
