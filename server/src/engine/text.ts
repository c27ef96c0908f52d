// Tokens and sentences over real news text: curly quotes, abbreviations (U.S., Col., Jan.), datelines,
// headlines without a full stop, captions, and texts whose commas were stripped.

import { Range } from './types';

// Regex literals written in a function make a new RegExp object each time they are evaluated;
// these are tested once or more per token, so they are made once here.
const STARTS_LETTER = /^\p{L}/u;
const STARTS_UPPER = /^\p{Lu}/u;
const INITIALS = /^(?:\p{L}\.){2,}$/u;

export type TokenKind = 'word' | 'number' | 'punct';

export interface Token extends Range {
  text: string;
  kind: TokenKind;
  /** Lower-cased text, computed once because every matcher needs it. */
  lower: string;
  /** The distinct word the token is, shared with every token of the same text (see WordTable). */
  word: Word;
}

// Order matters: abbreviations with inner dots ("U.S.", "a.m.") before plain words; numbers keep their
// separators ("3,500", "1.2") and ordinal suffixes ("12th"); words keep inner hyphens and apostrophes
// ("al-Assad", "Assad's", "twenty-six").
const TOKEN_PATTERN =
  /(?:\p{L}\.){2,}|\d+(?:[.,:]\d+)*(?:st|nd|rd|th|s)?(?![\p{L}\d])|\d+(?=\p{L})|\p{L}[\p{L}\p{M}\d]*(?:[-'’]\p{L}[\p{L}\p{M}\d]*)*|\S/uy;

/** The characters of the regex class \s: tokens are separated by these and nothing else. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isAsciiLetter(c: number): boolean {
  const lowered = c | 32; // folds A-Z onto a-z and nothing else onto them
  return lowered >= 97 && lowered <= 122;
}

function isAsciiDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Where TOKEN_PATTERN's match starting at `at` ends, read by hand for the common case: a word of ASCII
 * letters and digits, maybe joined by hyphens and apostrophes ("al-Assad", "Assad’s"), or one ASCII
 * mark. -1 where the pattern itself must decide: a digit (its alternatives backtrack), a letter
 * followed by a full stop (an abbreviation, "U.S."), or any character beyond ASCII that the pattern
 * might read as a letter or a mark. Nothing is decided here that the pattern would decide otherwise:
 * after a letter not followed by a full stop only the word alternative can match, and it is greedy
 * with nothing after it, so it ends at the last joiner that a letter follows.
 */
function asciiTokenEnd(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first >= 128 || isAsciiDigit(first)) return -1;
  if (!isAsciiLetter(first)) return at + 1;
  let j = at + 1;
  if (text.charCodeAt(j) === 46) return -1; // "."
  for (;;) {
    const c = text.charCodeAt(j);
    if (isAsciiLetter(c) || isAsciiDigit(c)) {
      j++;
    } else if (c === 45 || c === 39 || c === 0x2019) {
      // "-", "'" and "’" join a word only when a letter follows them.
      const next = text.charCodeAt(j + 1);
      if (isAsciiLetter(next)) j += 2;
      else if (next >= 128) return -1;
      else return j;
    } else if (c >= 128) {
      return -1;
    } else {
      return j; // also past the end, where charCodeAt gives NaN
    }
  }
}

/** One distinct token text, with what every token of that text shares. */
export interface Word {
  readonly text: string;
  readonly lower: string;
  readonly kind: TokenKind;
  /**
   * What the rules' word tests (collections.ts, WordTest) answered for this word, kept so that each
   * is asked once per distinct word: bit k of `asked` is set once test k was asked, and bit k of
   * `answers` is then its answer.
   */
  asked: number;
  answers: number;
}

/** Distinct words a WordTable keeps before it starts over, to bound it: a corpus of 500 news articles has 12,000. */
const MAX_WORDS = 50000;

/**
 * The distinct token texts met so far, so that the tokens of one text share one Word, and their text
 * and lower-case form are the same strings. A token's string is then made, lower-cased and hashed once
 * per distinct word, not once per token, and every word list and cache the rules look a token up in
 * finds it by identity. Found by the characters of the source text, so a word met before costs no
 * string at all. Bounded: when full it starts over, which changes no answer, only which strings are
 * shared.
 */
export class WordTable {
  /**
   * Open addressing, at most half full: per slot the word (undefined for none), its hash, and where
   * its characters are. Small at first and grown by doubling: a table made for one short tokenize
   * call (the default) must cost next to nothing.
   */
  private words: Array<Word | undefined> = new Array(16).fill(undefined);
  private hashes = new Int32Array(16);
  private starts = new Int32Array(16);
  /**
   * The words' characters, end to end. Compared with the source's from here rather than from the
   * words' strings: those come in several string representations, and reading characters from all of
   * them at one place of the code is slow.
   */
  private chars = new Uint16Array(128);
  private charsUsed = 0;
  private size = 0;

  /** The word of source[start, end), whose hash (hashOf) is `hash`. */
  find(source: string, start: number, end: number, hash: number): Word {
    const length = end - start;
    const words = this.words;
    const mask = words.length - 1;
    let slot = hash & mask;
    for (let word = words[slot]; word !== undefined; word = words[slot]) {
      if (this.hashes[slot] === hash && word.text.length === length && this.holds(this.starts[slot], source, start, length)) return word;
      slot = (slot + 1) & mask;
    }
    return this.add(source, start, end, hash);
  }

  private holds(at: number, source: string, start: number, length: number): boolean {
    const chars = this.chars;
    for (let k = 0; k < length; k++) if (chars[at + k] !== source.charCodeAt(start + k)) return false;
    return true;
  }

  private add(source: string, start: number, end: number, hash: number): Word {
    if (this.size >= MAX_WORDS) this.clear();
    else if (2 * (this.size + 1) > this.words.length) this.grow();
    const length = end - start;
    if (this.charsUsed + length > this.chars.length) {
      const grown = new Uint16Array(Math.max(2 * this.chars.length, this.charsUsed + length));
      grown.set(this.chars.subarray(0, this.charsUsed));
      this.chars = grown;
    }
    const at = this.charsUsed;
    for (let k = 0; k < length; k++) this.chars[at + k] = source.charCodeAt(start + k);
    this.charsUsed += length;
    const word = newWord(copyOf(this.chars, at, length));
    this.place(word, hash, at);
    this.size++;
    return word;
  }

  private place(word: Word, hash: number, at: number): void {
    const mask = this.words.length - 1;
    let slot = hash & mask;
    while (this.words[slot] !== undefined) slot = (slot + 1) & mask;
    this.words[slot] = word;
    this.hashes[slot] = hash;
    this.starts[slot] = at;
  }

  private clear(): void {
    this.words.fill(undefined);
    this.size = 0;
    this.charsUsed = 0;
  }

  private grow(): void {
    const { words, hashes, starts } = this;
    this.words = new Array(2 * words.length).fill(undefined);
    this.hashes = new Int32Array(2 * words.length);
    this.starts = new Int32Array(2 * words.length);
    for (let k = 0; k < words.length; k++) {
      const word = words[k];
      if (word !== undefined) this.place(word, hashes[k], starts[k]);
    }
  }
}

/**
 * A new string of chars[at, at + length). A word's text is a string of its own rather than a slice of
 * the text it was first read in, which would keep that whole text alive as long as the table keeps
 * the word; and it is then a string of the plainest kind, which the rules read fastest.
 */
function copyOf(chars: Uint16Array, at: number, length: number): string {
  // fromCharCode takes the characters as arguments: a long word goes in pieces.
  let text = '';
  for (let k = 0; k < length; k += 4096) text += String.fromCharCode.apply(null, chars.subarray(at + k, at + Math.min(length, k + 4096)) as unknown as number[]);
  return text;
}

/** A hash of source[start, end) for WordTable (FNV-1a over UTF-16 code units). */
function hashOf(source: string, start: number, end: number): number {
  let hash = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) hash = Math.imul(hash ^ source.charCodeAt(k), 0x01000193);
  return hash;
}

function newWord(text: string): Word {
  const first = text.charCodeAt(0);
  // Below 128 only A-Z and a-z are letters, so the regex is asked about the rest only.
  const kind: TokenKind = isAsciiDigit(first) ? 'number' : isAsciiLetter(first) || (first >= 128 && STARTS_LETTER.test(text)) ? 'word' : 'punct';
  return { text, lower: text.toLowerCase(), kind, asked: 0, answers: 0 };
}

/**
 * The tokens of text[from, to). Pass the same WordTable to tokenise many texts with shared words (the
 * analyzer keeps one); without one, only the tokens of this call share theirs.
 */
export function tokenize(text: string, from = 0, to = text.length, words = new WordTable()): Token[] {
  // Read in place where nothing after `to` can change a token: at the end of the text or of a line,
  // where every alternative of the pattern stops as it does at the end of a string. Elsewhere the
  // range is cut out first. Reading in place also keeps the strings read here to the few kinds texts
  // come in, which keeps charCodeAt inlined; a line cut out of a text is another kind.
  const inPlace = to === text.length || text.charCodeAt(to) === 10 || text.charCodeAt(to) === 13;
  const source = inPlace ? text : text.slice(from, to);
  const offset = inPlace ? 0 : from;
  const tokens: Token[] = [];
  // Every character that is not a space starts a token (the last alternative is \S) and no
  // alternative starts with a space, so each token starts at the next non-space character: the
  // pattern is only asked how far it reaches from there, which builds no match array, and only
  // where asciiTokenEnd cannot tell.
  for (let at = from - offset, length = to - offset; at < length; ) {
    const first = source.charCodeAt(at);
    if (isSpace(first)) {
      at++;
      continue;
    }
    let end = asciiTokenEnd(source, at);
    if (end < 0) {
      TOKEN_PATTERN.lastIndex = at;
      TOKEN_PATTERN.test(source);
      end = TOKEN_PATTERN.lastIndex;
    }
    const word = words.find(source, at, end, hashOf(source, at, end));
    tokens.push({ start: offset + at, end: offset + end, text: word.text, kind: word.kind, lower: word.lower, word });
    at = end;
  }
  return tokens;
}

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof col gen lt sgt capt maj adm cmdr gov sen rep rev st ft mt no nos vs etc inc corp co ltd jr sr ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun dept est approx fig'
  ).split(' '),
);

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']']);

/** A sentence and its tokens. */
export interface TokenizedSentence extends Range {
  tokens: Token[];
}

/**
 * Splits text into sentences. A line break always ends a sentence (headlines, captions and datelines
 * are lines of their own); within a line, [.!?] ends one unless it closes an abbreviation or an
 * initial, or the next word starts in lower case. No sentence is longer than MAX_SENTENCE_TOKENS.
 */
export function splitSentences(text: string): Range[] {
  return tokenizeSentences(text).map(({ start, end }) => ({ start, end }));
}

/**
 * splitSentences with each sentence's tokens, taken from its line's. They are the tokens that
 * tokenize(text, start, end) gives: a sentence ends at the end of its line or on a one-character
 * mark (. ! ? or a closing quote or bracket), where no token pattern reads on past the end, or, when
 * it has grown to MAX_SENTENCE_TOKENS, before a space; so cutting the text there changes no token.
 */
export function tokenizeSentences(text: string, words = new WordTable()): TokenizedSentence[] {
  const sentences: TokenizedSentence[] = [];
  const lineRe = /[^\r\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const lineStart = line.index;
    const lineEnd = line.index + line[0].length;
    const tokens = tokenize(text, lineStart, lineEnd, words);
    let sentenceStart = -1;
    let firstToken = 0;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (sentenceStart < 0) {
        sentenceStart = tok.start;
        firstToken = i;
      }
      if (!isTerminal(text, tokens, i)) {
        if (i + 1 - firstToken < MAX_SENTENCE_TOKENS) continue;
        i = longSentenceCut(tokens, firstToken, i);
        sentences.push({ start: sentenceStart, end: tokens[i].end, tokens: tokens.slice(firstToken, i + 1) });
        sentenceStart = -1;
        continue;
      }
      let end = tok.end;
      while (i + 1 < tokens.length && CLOSERS.has(tokens[i + 1].text) && tokens[i + 1].start === end) {
        i++;
        end = tokens[i].end;
      }
      sentences.push({ start: sentenceStart, end, tokens: tokens.slice(firstToken, i + 1) });
      sentenceStart = -1;
    }
    if (sentenceStart >= 0) sentences.push({ start: sentenceStart, end: tokens[tokens.length - 1].end, tokens: tokens.slice(firstToken) });
  }
  return sentences;
}

/**
 * The most tokens one sentence holds. Real sentences stay far below it (the longest in the Syria
 * corpus, PolNeAR and the GVA reports have 108, 116 and 268), but a line of text with no full stop
 * (a list, a table or a transcript pasted as one line) would otherwise be one sentence of any length,
 * and rules that compare the clauses or attributions of a sentence with each other grow with its
 * square.
 */
export const MAX_SENTENCE_TOKENS = 400;

/**
 * Where a sentence that reached MAX_SENTENCE_TOKENS at token `last` ends: after the last comma,
 * semicolon or colon of its second half, else at `last`; always before a space, where no token reads
 * across, so the pieces keep their tokens.
 */
function longSentenceCut(tokens: Token[], first: number, last: number): number {
  let fallback = -1;
  for (let k = last; k > first + (last - first) / 2; k--) {
    if (tokens[k + 1] && tokens[k + 1].start === tokens[k].end) continue;
    const mark = tokens[k].text;
    if (mark === ',' || mark === ';' || mark === ':') return k;
    if (fallback < 0) fallback = k;
  }
  return fallback >= 0 ? fallback : last;
}

function isTerminal(text: string, tokens: Token[], i: number): boolean {
  const tok = tokens[i];
  // Most tokens are words, which end a sentence only with a full stop of their own: "U.S." does when
  // what follows clearly starts one. The full stop is read from the text, whose strings come in
  // fewer kinds than the tokens' do.
  if (tok.kind === 'word') return text.charCodeAt(tok.end - 1) === 46 && nextStartsSentence(tokens, i + 1) && !INITIALS.test(tok.text);
  if (tok.text === '!' || tok.text === '?') return nextStartsSentence(tokens, i + 1);
  if (tok.text !== '.') return false;
  const prev = tokens[i - 1];
  if (prev && prev.end === tok.start && prev.kind === 'word') {
    if (ABBREVIATIONS.has(prev.lower)) return false;
    if (prev.text.length === 1 && isCapitalized(prev.text)) return false; // an initial: "George W. Bush"
  }
  if (tokens[i + 1]?.text === '.') return false; // ellipsis ". . ." continues
  // A full stop with a letter right after it is inside an abbreviation: "(R-S.C.)", "Ph.D".
  if (tokens[i + 1]?.kind === 'word' && tokens[i + 1].start === tok.end) return false;
  return nextStartsSentence(tokens, i + 1);
}

function nextStartsSentence(tokens: Token[], j: number): boolean {
  while (j < tokens.length && CLOSERS.has(tokens[j].text)) j++;
  if (j >= tokens.length) return true;
  const next = tokens[j];
  if (next.kind === 'number') return true;
  if (next.kind === 'punct') return next.text === '"' || next.text === '“' || next.text === '(' || next.text === '‘';
  return isCapitalized(next.text);
}

/** ' or ’, the two apostrophes of English text. */
export function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/** Whether a word starts with an upper-case letter (\p{Lu}); below 128 that is A-Z, read without the regex. */
export function isCapitalized(word: string): boolean {
  const first = word.charCodeAt(0);
  if (first < 128) return first >= 65 && first <= 90;
  return STARTS_UPPER.test(word);
}
