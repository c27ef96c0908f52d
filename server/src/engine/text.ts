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

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  const length = slice.length;
  // Every character that is not a space starts a token (the last alternative is \S) and no
  // alternative starts with a space, so each token starts at the next non-space character: the
  // pattern is only asked how far it reaches from there, which builds no match array, and only
  // where asciiTokenEnd cannot tell.
  for (let at = 0; at < length; ) {
    const first = slice.charCodeAt(at);
    if (isSpace(first)) {
      at++;
      continue;
    }
    let end = asciiTokenEnd(slice, at);
    if (end < 0) {
      TOKEN_PATTERN.lastIndex = at;
      TOKEN_PATTERN.test(slice);
      end = TOKEN_PATTERN.lastIndex;
    }
    const t = slice.slice(at, end);
    // Below 128 only A-Z and a-z are letters, so the regex is asked about the rest only.
    const kind: TokenKind = isAsciiDigit(first) ? 'number' : isAsciiLetter(first) || (first >= 128 && STARTS_LETTER.test(t)) ? 'word' : 'punct';
    tokens.push({ start: from + at, end: from + end, text: t, kind, lower: t.toLowerCase() });
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
 * initial, or the next word starts in lower case.
 */
export function splitSentences(text: string): Range[] {
  return tokenizeSentences(text).map(({ start, end }) => ({ start, end }));
}

/**
 * splitSentences with each sentence's tokens, taken from its line's. They are the tokens that
 * tokenize(text, start, end) gives: a sentence ends at the end of its line or on a one-character
 * mark (. ! ? or a closing quote or bracket), where no token pattern reads on past the end, so cutting
 * the text there changes no token.
 */
export function tokenizeSentences(text: string): TokenizedSentence[] {
  const sentences: TokenizedSentence[] = [];
  const lineRe = /[^\r\n]+/g;
  for (let line = lineRe.exec(text); line; line = lineRe.exec(text)) {
    const lineStart = line.index;
    const lineEnd = line.index + line[0].length;
    const tokens = tokenize(text, lineStart, lineEnd);
    let sentenceStart = -1;
    let firstToken = 0;
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (sentenceStart < 0) {
        sentenceStart = tok.start;
        firstToken = i;
      }
      if (!isTerminal(tokens, i)) continue;
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

function isTerminal(tokens: Token[], i: number): boolean {
  const tok = tokens[i];
  // Most tokens are words, which end a sentence only with a full stop of their own: "U.S." does when
  // what follows clearly starts one.
  if (tok.kind === 'word') return tok.text.endsWith('.') && nextStartsSentence(tokens, i + 1) && !INITIALS.test(tok.text);
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
