// Grouping, as the word lists (titles by first word, qualifiers by last) and attributions by sentence use it.
import * as assert from 'assert';
import { groupBy } from '../../server/src/engine/collections';

describe('collections', () => {
  it('groups items under their keys, each group in the order of the items', () => {
    const groups = groupBy(['more than', 'at least', 'more', 'almost', 'at most'], (phrase) => phrase.split(' ')[0]);
    assert.deepStrictEqual([...groups.entries()], [
      ['more', ['more than', 'more']],
      ['at', ['at least', 'at most']],
      ['almost', ['almost']],
    ]);
  });

  it('gives an empty map for no items', () => {
    assert.strictEqual(groupBy([], (x: number) => x).size, 0);
  });
});
