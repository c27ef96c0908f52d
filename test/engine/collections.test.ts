// Grouping, as the word lists (titles by first word, qualifiers by last) and attributions by sentence use it;
// word sets, as the rules look words up in them.
import * as assert from 'assert';
import { groupBy, wordSet, WordTest } from '../../server/src/engine/collections';
import { tokenize } from '../../server/src/engine/text';

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

  it('holds the words of a list written with spaces, and only whole words', () => {
    const auxiliaries = wordSet('were was been');
    assert.deepStrictEqual([...auxiliaries], ['were', 'was', 'been']);
    assert.ok(auxiliaries.has('was'));
    // What /^(?:were|was|been)$/ answers: no part of a word, nor a word with more around it.
    assert.ok(!auxiliaries.has('wa'));
    assert.ok(!auxiliaries.has('wasn'));
    assert.ok(!auxiliaries.has('was been'));
  });

  it('answers a word test as its question does, asking it once per distinct word', () => {
    const asked: string[] = [];
    const auxiliary = new WordTest((word) => {
      asked.push(word.text);
      return word.lower === 'was' || word.lower === 'were';
    });
    const tokens = tokenize('Was it? It was, they were, it was not.');
    const answers = tokens.map((t) => auxiliary.has(t.word));
    assert.deepStrictEqual(answers, tokens.map((t) => t.lower === 'was' || t.lower === 'were'));
    assert.deepStrictEqual(asked, ['Was', 'it', '?', 'It', 'was', ',', 'they', 'were', 'not', '.']);
  });
});
