// Sentences and tokens over real news text.
import * as assert from 'assert';
import { MAX_SENTENCE_TOKENS, splitSentences, tokenize, tokenizeSentences, WordTable } from '../../server/src/engine/text';

function check(text: string, expected: string[]): void {
  assert.deepStrictEqual(splitSentences(text).map((s) => text.slice(s.start, s.end)), expected);
}

describe('text: sentences', () => {
  it('does not end a sentence at an abbreviation or an initial', () => {
    check('Col. Riad al-Asaad spoke. The U.S. Embassy said nothing. George W. Bush left.', [
      'Col. Riad al-Asaad spoke.',
      'The U.S. Embassy said nothing.',
      'George W. Bush left.',
    ]);
  });
  it('does not end a sentence inside an abbreviation whose letters follow the full stop', () => {
    check('Sen. Mara Lind (D-N.Y.) voted against it. Then the vote closed.', ['Sen. Mara Lind (D-N.Y.) voted against it.', 'Then the vote closed.']);
  });
  it('keeps a closing curly quote with its sentence', () => {
    check('“We will stay,” he said. “We are many.” Then he left.', ['“We will stay,” he said.', '“We are many.”', 'Then he left.']);
  });
  it('ends a headline and a caption at their line breaks', () => {
    check('Bombs kill 22 in Homs\nPHOTO CAPTION\nMourners gather. Police said 22 died.', [
      'Bombs kill 22 in Homs',
      'PHOTO CAPTION',
      'Mourners gather.',
      'Police said 22 died.',
    ]);
  });
  it('handles CRLF line endings without swallowing the CR into a sentence', () => {
    check('Headline here\r\nBody text. More.\r\n', ['Headline here', 'Body text.', 'More.']);
  });
  it('does not split "Jan. 6" or "a.m."', () => {
    check('On Jan. 6 at 9 a.m. the blast hit.', ['On Jan. 6 at 9 a.m. the blast hit.']);
  });
});

describe('text: tokens', () => {
  it('keeps names, possessives, separators and abbreviations whole', () => {
    const words = tokenize("Assad's forces killed 3,500 in al-Maidan, the U.S. said").map((t) => t.text);
    assert.deepStrictEqual(words, ["Assad's", 'forces', 'killed', '3,500', 'in', 'al-Maidan', ',', 'the', 'U.S.', 'said']);
  });
  it('reads every token as the token pattern alone reads it', () => {
    // The tokenizer reads plain ASCII words by hand and asks the pattern about the rest; this is the
    // pattern alone, with the same kinds and lower-casing.
    const pattern = /(?:\p{L}\.){2,}|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?(?![\p{L}\d])|\d+(?=\p{L})|\p{L}[\p{L}\p{M}\d]*(?:[-'’]\p{L}[\p{L}\p{M}\d]*)*|\S/gu;
    const byPattern = (text: string) => [...text.matchAll(pattern)].map((m) => {
      const kind = /^\d/.test(m[0]) ? 'number' : /^\p{L}/u.test(m[0]) ? 'word' : 'punct';
      const word = { text: m[0], lower: m[0].toLowerCase(), kind, asked: 0, answers: 0 };
      return { start: m.index!, end: m.index! + m[0].length, text: word.text, kind, lower: word.lower, word };
    });
    const pieces = ['a', 'B', 'z', 'Q', 'é', 'É', 'İ', 'ß', '\u0301', '1', '9', '.', ',', ':', '-', "'", '’', '_', '@', '"', '“', ' ', '\u00a0', '\t', '\n', '😀', 's', 'th', 'U.S.', 'al-', "'s"];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let k = 0; k < 5000; k++) {
      let text = '';
      const length = 1 + Math.floor(random() * 16);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
      assert.deepStrictEqual(tokenize(text), byPattern(text), JSON.stringify(text));
    }
  });
  it('gives the tokens of one text, and of texts read with one table, one word per distinct text', () => {
    const words = new WordTable();
    const first = tokenize('The rebels said the rebels left.', 0, undefined, words);
    const second = tokenize('THE REBELS. The rebels said so.', 0, undefined, words);
    assert.strictEqual(first[1].word, first[4].word);
    assert.strictEqual(first[0].word, second[3].word);
    assert.strictEqual(first[2].word, second[5].word);
    assert.notStrictEqual(first[0].word, first[3].word); // "The" and "the"
    assert.strictEqual(first[0].word.lower, first[3].lower);
    assert.strictEqual(second[0].lower, first[3].lower);
  });
  it('reads the same tokens when its table is full and starts over', () => {
    const text = Array.from({ length: 60001 }, (_, k) => `w${k}`).join(' ') + ' w0 w60000';
    const words = new WordTable();
    const tokens = tokenize(text, 0, undefined, words);
    assert.deepStrictEqual(tokens, tokenize(text, 0, undefined, words));
    assert.deepStrictEqual(tokens.slice(-2).map((t) => t.text), ['w0', 'w60000']);
  });
  it('gives offsets into the text, past astral characters', () => {
    const text = '🇸🇾 killed 8';
    const eight = tokenize(text).find((t) => t.text === '8');
    assert.strictEqual(eight?.start, text.indexOf('8'));
  });
});

describe('text: sentences with their tokens', () => {
  it('gives each sentence the tokens that tokenising it alone gives', () => {
    // Random text over the characters the token pattern cares about: letters, digits, marks,
    // terminators, closers, apostrophes, hyphens, separators, line breaks.
    const pieces = ['a', 'B', 'é', 'Ḩ', '\u0301', '1', '23', '.', '!', '?', '"', '”', '’', "'", ')', ']', '-', ',', ':', ' ', ' ', '\n', 's', 'st', 'U.S.', 'Mr', '. ', '." '];
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const texts = ['Col. Riad al-Asaad spoke. The U.S. Embassy said nothing. George W. Bush left.', '“We are many.” Then 5th. 12km away!'];
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let j = 0; j < length; j++) text += pieces[Math.floor(random() * pieces.length)];
      texts.push(text);
    }
    for (const text of texts) {
      const sentences = tokenizeSentences(text);
      assert.deepStrictEqual(
        sentences.map(({ start, end }) => ({ start, end })),
        splitSentences(text),
      );
      for (const s of sentences) assert.deepStrictEqual(s.tokens, tokenize(text, s.start, s.end), JSON.stringify(text));
    }
  });
  it('cuts a line with no full stop into sentences of at most MAX_SENTENCE_TOKENS, after a comma where it can', () => {
    // 1,500 words with a comma after every 150th: a list pasted as one line.
    const words = Array.from({ length: 1500 }, (_, k) => `item${k}${k % 150 === 149 ? ',' : ''}`);
    const text = words.join(' ');
    const sentences = tokenizeSentences(text);
    assert.ok(sentences.length > 1);
    assert.deepStrictEqual(sentences.flatMap((s) => s.tokens), tokenize(text));
    for (const s of sentences) {
      assert.ok(s.tokens.length <= MAX_SENTENCE_TOKENS, `${s.tokens.length} tokens`);
      assert.deepStrictEqual(s.tokens, tokenize(text, s.start, s.end));
    }
    // Each piece but the last ends on the last comma of its second half.
    for (const s of sentences.slice(0, -1)) assert.strictEqual(text[s.end - 1], ',');
  });
  it('cuts such a line before a space when it has no comma', () => {
    const text = 'word '.repeat(1000).trim();
    const sentences = tokenizeSentences(text);
    assert.deepStrictEqual(sentences.map((s) => s.tokens.length), [MAX_SENTENCE_TOKENS, MAX_SENTENCE_TOKENS, 1000 - 2 * MAX_SENTENCE_TOKENS]);
    for (const s of sentences) assert.strictEqual(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
  });
});
