// Numbers and vague quantities, each normalised to an interval [min, max] by the rules of the
// annotation guidelines (max null = no upper bound), and classified so that dates, ages, times,
// durations, distances, money and ordinals are never read as casualty counts.

import { groupBy, wordSet, WordTest } from './collections';
import { wordTable } from './lexicon';
import { Token } from './text';
import { NumberKind, NumberMention } from './types';

// Regex literals written in a function make a new RegExp object each time they are evaluated;
// these are tested once or more per token, so they are made once here. The word lists read around
// every figure are sets (see wordSet).
const NAMED_BY_NUMBER = wordSet('route interstate highway hwy i us sr exit flight resolution chapter section article apartment apt ' +
  'suite room channel unit building gate platform mile district ward precinct station camp brigade division battalion regiment ' +
  'squadron fleet corps');
const COMMAS = /,/g; // for replace only, which starts a global pattern from the beginning
const YEARS_OLD = wordSet('year-old year-olds years-old years-olds');
const YEARS = wordSet('year years');
const PERIOD_COMPOUND = /^(?:day|week|month|year|hour)s?-/;
const DIGITS_WITH_SEPARATORS = /^\d+(?:,\d{3})*(?:\.\d+)?$/;
const ORDINAL_DIGITS = /^\d+(?:st|nd|rd|th)$/;
const CLOCK_TIME = /^\d{1,2}:\d{2}$/;
const TIMES_OR_ROUNDS = wordSet('times rounds bullets gunshots');
const BLOCKS = wordSet('block blocks');
const CLOCK_PREFIX = /^\d+:\d+/;
const AGE_WORDS = wordSet('aged ages age');
const FOUR_DIGITS = /^\d{4}$/;
const HYPHENATED_WORDS = /^([a-z]+)-([a-z]+)$/;
const DECADE = /^\d{4}s$/;

const UNITS: Record<string, number> = wordTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
});
const TENS: Record<string, number> = wordTable({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});
const SCALES: Record<string, number> = wordTable({ hundred: 100, thousand: 1000, million: 1e6, billion: 1e9 });

/** Vague quantities and their intervals, longest phrase first. */
const VAGUE: Array<[string[], number, number | null]> = [
  // Fractions of a million, before "a million" reads the end of them.
  [['three', 'quarters', 'of', 'a', 'million'], 750000, 750000],
  [['a', 'quarter', 'of', 'a', 'million'], 250000, 250000],
  [['quarter', 'of', 'a', 'million'], 250000, 250000],
  [['half', 'a', 'million'], 500000, 500000],
  [['a', 'half', 'million'], 500000, 500000],
  [['hundreds', 'of', 'thousands'], 200000, 999999],
  [['tens', 'of', 'thousands'], 20000, 99999],
  [['half', 'a', 'dozen'], 6, 6],
  [['several', 'dozen'], 36, 108],
  [['several', 'hundred'], 300, 900],
  [['several', 'thousand'], 3000, 9000],
  [['a', 'few', 'dozen'], 24, 60],
  [['a', 'few', 'hundred'], 200, 500],
  [['a', 'few', 'thousand'], 2000, 5000],
  [['a', 'dozen'], 12, 12],
  [['a', 'handful'], 2, 5],
  [['a', 'few'], 2, 5],
  [['dozens'], 24, 99],
  [['scores'], 40, 199],
  [['hundreds'], 200, 999],
  [['thousands'], 2000, 9999],
  [['millions'], 2000000, 9999999],
  [['several'], 3, 9],
  [['dozen'], 12, 12],
];

/**
 * The vague quantities by their first word, longest phrase first within each: a token is tried only
 * against the phrases that start with it ("a" against "a few dozen" ... "a few"), not against them all.
 */
const VAGUE_BY_FIRST_WORD = groupBy(VAGUE, ([words]) => words[0]);

const ORDINAL_WORDS = new Set(
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth twentieth hundredth'.split(' '),
);

const MONTHS = new Set(
  ('january february march april may june july august september october november december ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec').split(' '),
);
const DURATION_UNITS = wordSet('second seconds minute minutes hour hours day days week weeks month months year years decade decades ' +
  'centuries night nights');
const DISTANCE_UNITS = wordSet('km kms kilometre kilometres kilometer kilometers mile miles metre metres meter meters m mi feet ft yard yards');
const COMPOUND_UNIT = /^([a-z]+)-([a-z]+)$/;
const MONEY_WORDS = wordSet('dollar dollars euro euros pound pounds lira liras riyal riyals dinar dinars ruble rubles rouble roubles ' +
  'yuan usd eur cent cents');
const CURRENCY_SIGNS = new Set(['$', '£', '€', '¥', '₺']);
const TIME_WORDS = wordSet("a.m. p.m. am pm gmt utc o'clock hrs h");

/** Every word a number or a vague quantity can start with: most tokens are rejected by one lookup. */
const NUMBER_START = new Set([
  ...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), ...VAGUE.map(([words]) => words[0]), 'a',
]);

/** The words a number mention can start at without a hyphen: number words, vague quantities, ordinals. */
const NUMBER_WORD_STARTS = new Set([...NUMBER_START, ...ORDINAL_WORDS]);

/**
 * A word that may be or start a number: one of NUMBER_WORD_STARTS, or a hyphenated word whose first
 * part starts a number word ("twenty-six", "ten-month"; not "al-Assad", "pro-government").
 */
const MAY_BE_NUMBER = new WordTest(
  ({ lower }) => NUMBER_WORD_STARTS.has(lower) || (lower.indexOf('-') >= 0 && NUMBER_START.has(beforeHyphen(lower))),
);

interface Qualified {
  min: number;
  max: number | null;
  startIndex: number;
}

/** Qualifiers read before a figure, longest first, with the interval rule each implies. */
const QUALIFIERS: Array<[string[], (n: Base) => [number, number | null]]> = [
  [['no', 'fewer', 'than'], (n) => [n.min, null]],
  [['not', 'less', 'than'], (n) => [n.min, null]],
  [['a', 'minimum', 'of'], (n) => [n.min, null]],
  [['at', 'least'], (n) => [n.min, null]],
  [['no', 'more', 'than'], (n) => [0, n.max]],
  [['more', 'than'], (n) => [n.min + 1, null]],
  [['upwards', 'of'], (n) => [n.min + 1, null]],
  [['in', 'excess', 'of'], (n) => [n.min + 1, null]],
  [['over'], (n) => [n.min + 1, null]],
  // "Death toll climbs past 1,200".
  [['past'], (n) => [n.min + 1, null]],
  [['fewer', 'than'], (n) => [0, n.max === null ? null : n.min - 1]],
  [['less', 'than'], (n) => [0, n.max === null ? null : n.min - 1]],
  [['as', 'many', 'as'], (n) => [0, n.max]],
  [['a', 'maximum', 'of'], (n) => [0, n.max]],
  [['up', 'to'], (n) => [0, n.max]],
  [['at', 'most'], (n) => [0, n.max]],
  [['close', 'to'], (n) => [Math.round((n.min * 9) / 10), n.max]],
  [['just', 'under'], (n) => [Math.round((n.min * 9) / 10), n.max]],
  [['nearly'], (n) => [Math.round((n.min * 9) / 10), n.max]],
  [['almost'], (n) => [Math.round((n.min * 9) / 10), n.max]],
  [['an', 'estimated'], about],
  [['approximately'], about],
  [['roughly'], about],
  [['around'], about],
  [['about'], about],
  [['some'], about],
  [['estimated'], about],
];

/**
 * The qualifiers by their last word, longest first within each: the word right before a figure picks
 * the few qualifiers that can end there ("than" for "more than", "fewer than", "no fewer than" ...).
 */
const QUALIFIERS_BY_LAST_WORD = groupBy(QUALIFIERS, ([words]) => words[words.length - 1]);

function about(n: Base): [number, number | null] {
  // Integer arithmetic: 1.1 * 200 is 220.00000000000003 in floating point.
  return [Math.floor((n.min * 9) / 10), n.max === null ? null : Math.ceil((n.max * 11) / 10)];
}

interface Base {
  min: number;
  max: number | null;
  /** Exact value when the figure is a single number. */
  exact: boolean;
  startIndex: number;
  endIndex: number; // inclusive
}

/** Parses digits ("3,500", "1.2 million", "1300") or number words ("twenty-six", "two hundred") at i. */
/** The part of a word before its first hyphen, or the word: lower.split('-')[0] without the array. */
function beforeHyphen(lower: string): string {
  const dash = lower.indexOf('-');
  return dash < 0 ? lower : lower.slice(0, dash);
}

function parseBase(tokens: Token[], i: number): Base | null {
  const tok = tokens[i];
  if (!tok) return null;
  if (tok.kind === 'number') {
    if (!DIGITS_WITH_SEPARATORS.test(tok.text)) return null;
    // Most figures have no thousands separator, and a replace is a call into the runtime.
    let value = Number(tok.text.indexOf(',') < 0 ? tok.text : tok.text.replace(COMMAS, ''));
    let end = i;
    const scale = SCALES[tokens[i + 1]?.lower ?? ''];
    if (scale && scale >= 1000 && adjacent(tokens, i, i + 1)) {
      value *= scale;
      end = i + 1;
    }
    value = Math.round(value);
    return { min: value, max: value, exact: true, startIndex: i, endIndex: end };
  }
  if (tok.kind !== 'word' || !NUMBER_START.has(beforeHyphen(tok.lower))) return null;
  for (const [words, min, max] of VAGUE_BY_FIRST_WORD.get(tok.lower) ?? []) {
    if (matchWords(tokens, i, words)) {
      return { min, max, exact: false, startIndex: i, endIndex: i + words.length - 1 };
    }
  }
  // "a hundred", "a thousand"
  if (tok.lower === 'a' && SCALES[tokens[i + 1]?.lower ?? '']) {
    const v = SCALES[tokens[i + 1].lower];
    return { min: v, max: v, exact: true, startIndex: i, endIndex: i + 1 };
  }
  const words = parseNumberWords(tokens, i);
  if (words) {
    // "two dozen" is 24.
    if (tokens[words.end + 1]?.lower === 'dozen') {
      const v = words.value * 12;
      return { min: v, max: v, exact: true, startIndex: i, endIndex: words.end + 1 };
    }
    return { min: words.value, max: words.value, exact: true, startIndex: i, endIndex: words.end };
  }
  return null;
}

function parseNumberWords(tokens: Token[], i: number): { value: number; end: number } | null {
  let total = 0;
  let current = 0;
  let end = -1;
  let j = i;
  for (; j < tokens.length; j++) {
    const w = tokens[j].lower;
    // Most words have no hyphen, which the pattern needs after a letter: the test of one is cheaper.
    const hy = w.indexOf('-') > 0 ? HYPHENATED_WORDS.exec(w) : null;
    if (hy && TENS[hy[1]] !== undefined && UNITS[hy[2]] !== undefined) {
      current += TENS[hy[1]] + UNITS[hy[2]];
    } else if (UNITS[w] !== undefined) {
      current += UNITS[w];
    } else if (TENS[w] !== undefined) {
      current += TENS[w];
    } else if (SCALES[w] !== undefined && end >= 0) {
      const scale = SCALES[w];
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (w === 'and' && end >= 0 && isNumberWord(tokens[j + 1]?.lower)) {
      continue; // "one hundred and fifty"
    } else {
      break;
    }
    end = j;
  }
  if (end < 0) return null;
  return { value: total + current, end };
}

function isNumberWord(w: string | undefined): boolean {
  if (!w) return false;
  return UNITS[w] !== undefined || TENS[w] !== undefined || /^[a-z]+-[a-z]+$/.test(w) && TENS[w.split('-')[0]] !== undefined;
}

function matchWords(tokens: Token[], i: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.lower !== words[k]) return false;
  return true;
}

function adjacent(tokens: Token[], a: number, b: number): boolean {
  return tokens[b].start - tokens[a].end <= 1;
}

/** A qualifier that ends right before token `i`, if any. */
function qualifierBefore(tokens: Token[], i: number, base: Base): Qualified | null {
  if (i === 0) return null;
  for (const [words, rule] of QUALIFIERS_BY_LAST_WORD.get(tokens[i - 1].lower) ?? []) {
    const at = i - words.length;
    if (at < 0 || !matchWords(tokens, at, words)) continue;
    // "some" and "over" are qualifiers only before a bare figure, and "over" not after a verb of crossing.
    if ((words[0] === 'some' || words[0] === 'about') && !base.exact) continue;
    // "before it was over one firefighter was shot": "over" before a lone "one" ends the clause before it.
    if (words.length === 1 && words[0] === 'over' && base.min === 1 && base.max === 1) continue;
    const [min, max] = rule(base);
    return { min, max, startIndex: at };
  }
  return null;
}

export interface FoundNumber extends NumberMention {
  /** Token indices of the figure (qualifiers included), for the claim matchers. */
  firstToken: number;
  lastToken: number;
}

/** Finds every number in a token stream. Tokens must come from one text, in order. */
export function findNumbers(text: string, tokens: Token[]): FoundNumber[] {
  const out: FoundNumber[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    // Most tokens are no number: a mark never is, nor a word that starts no number word and is no
    // ordinal. One test rules those out before the rules below.
    if (tok.kind === 'punct') continue;
    if (tok.kind === 'word' && !MAY_BE_NUMBER.has(tok.word)) continue;
    if (tok.kind === 'word' && ORDINAL_WORDS.has(tok.lower)) {
      out.push(mention(text, tokens, i, i, 0, 0, 'ordinal'));
      continue;
    }
    if (tok.kind === 'number' && ORDINAL_DIGITS.test(tok.lower)) {
      const v = parseInt(tok.text, 10);
      out.push(mention(text, tokens, i, i, v, v, isMonthNear(tokens, i) ? 'date' : 'ordinal'));
      continue;
    }
    if (tok.kind === 'number' && CLOCK_TIME.test(tok.text)) {
      out.push(mention(text, tokens, i, i, 0, 0, 'time'));
      continue;
    }
    const compound = tok.kind === 'word' && tok.lower.indexOf('-') > 0 ? COMPOUND_UNIT.exec(tok.lower) : null;
    if (compound && (UNITS[compound[1]] !== undefined || TENS[compound[1]] !== undefined) && UNITS[compound[2]] === undefined) {
      // "ten-month", "two-storey", "40-year": a number inside a compound adjective is never a count.
      const v = UNITS[compound[1]] ?? TENS[compound[1]];
      const kind: NumberKind = DURATION_UNITS.has(compound[2]) ? 'duration' : DISTANCE_UNITS.has(compound[2]) ? 'distance' : 'other';
      out.push({ start: tok.start, end: tok.start + compound[1].length, text: compound[1] === tok.lower ? tok.text : tok.text.slice(0, compound[1].length), min: v, max: v, kind, firstToken: i, lastToken: i });
      continue;
    }
    const base = parseBase(tokens, i);
    if (!base) continue;
    // Lone words that are numbers only in some senses: "one of the", "a few" as a determiner is fine.
    if (tok.lower === 'one' && tokens[i + 1]?.lower === 'of') continue;
    if (tok.lower === 'dozen' && base.startIndex === i && i > 0 && parseBase(tokens, i - 1)) continue;
    let min = base.min;
    let max = base.max;
    let first = base.startIndex;
    let last = base.endIndex;

    // Ranges: "16 to 20", "16-20", "between 16 and 20", "16 or 17"; not "rose from 24 to 40", a change.
    const range = tokens[first - 1]?.lower === 'from' && tokens[last + 1]?.lower === 'to' ? null : parseRangeTail(tokens, last);
    if (range) {
      max = range.max;
      last = range.lastIndex;
      if (tokens[first - 1]?.lower === 'between' && range.connector === 'and') first--;
    } else {
      const q = qualifierBefore(tokens, first, base);
      if (q) {
        min = q.min;
        max = q.max;
        first = q.startIndex;
      }
      if (tokens[last + 1]?.lower === 'or' && tokens[last + 2]?.lower === 'more') {
        max = null;
        last += 2;
      } else if (tokens[last + 1]?.text === '+' && tokens[last + 1].start === tokens[last].end) {
        max = null;
        last += 1;
      }
    }
    const kind = classify(tokens, base.startIndex, last, base);
    out.push(mention(text, tokens, first, last, min, max, kind));
    i = last;
  }
  return out;
}

function parseRangeTail(tokens: Token[], last: number): { max: number; lastIndex: number; connector: string } | null {
  const connector = tokens[last + 1];
  if (!connector) return null;
  const isDash = connector.text === '-' || connector.text === '–';
  if (!(connector.lower === 'to' || connector.lower === 'and' || connector.lower === 'or' || isDash)) return null;
  if (connector.lower === 'and' && tokens[last - 1]?.lower !== 'between') {
    // "between 16 and 20" only; "killed 3 and wounded 5" are two figures.
    const between = tokens.slice(Math.max(0, last - 3), last).some((t) => t.lower === 'between');
    if (!between) return null;
  }
  const next = parseBase(tokens, last + 2);
  if (!next || !next.exact) return null;
  const first = parseBase(tokens, last)?.min ?? 0;
  if (next.min <= first && connector.lower !== 'or') return null;
  return { max: next.max ?? next.min, lastIndex: next.endIndex, connector: isDash ? '-' : connector.lower };
}

/** "Jan." as "Jan": one full stop at the end of a word dropped, without a regex replace. */
export function withoutFinalFullStop(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

function isMonthNear(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1] && withoutFinalFullStop(tokens[i - 1].lower);
  const next = tokens[i + 1] && withoutFinalFullStop(tokens[i + 1].lower);
  return (prev !== undefined && MONTHS.has(prev)) || (next !== undefined && MONTHS.has(next)) ||
    (next === 'of' && MONTHS.has(tokens[i + 2]?.lower ?? ''));
}

function classify(tokens: Token[], first: number, last: number, base: Base): NumberKind {
  const tok = tokens[first];
  const next = tokens[last + 1];
  const next2 = tokens[last + 2];
  const prev = tokens[first - 1];
  const nextLower = next?.lower ?? '';
  const hyphenNext = next?.text === '-' && next.start === tokens[last].end ? next2 : undefined;
  if (prev && CURRENCY_SIGNS.has(prev.text)) return 'money';
  if (MONEY_WORDS.has(nextLower) || (SCALES[nextLower] && MONEY_WORDS.has(next2?.lower ?? ''))) return 'money';
  if (nextLower === '%' || nextLower === 'percent' || (nextLower === 'per' && next2?.lower === 'cent')) return 'percent';
  if (TIME_WORDS.has(nextLower) && base.exact && base.min <= 24) return 'time';
  if (hyphenNext && /^years?-olds?$|^year$/.test(hyphenNext.lower)) return 'age';
  if (YEARS_OLD.has(nextLower) || (YEARS.has(nextLower) && next2?.lower === 'old')) return 'age';
  if (hyphenNext && (DURATION_UNITS.has(hyphenNext.lower) || /^(?:day|week|month|year|hour)-/.test(hyphenNext.lower))) {
    return 'duration';
  }
  if (PERIOD_COMPOUND.test(nextLower)) return 'duration';
  if (DURATION_UNITS.has(nextLower) && !(nextLower === 'm' && base.exact)) return 'duration';
  if (DISTANCE_UNITS.has(nextLower) || (hyphenNext && DISTANCE_UNITS.has(hyphenNext.lower))) return 'distance';
  if (tok.kind === 'number' && CLOCK_PREFIX.test(tok.text)) return 'time';
  if (base.exact && base.min >= 1 && base.min <= 31 && isMonthNear(tokens, first)) return 'date';
  if (tok.kind === 'number' && FOUR_DIGITS.test(tok.text) && base.min >= 1900 && base.min <= 2099) {
    if (!/^(?:people|civilians|persons|soldiers|fighters|dead|deaths|killed)$/.test(nextLower)) return 'year';
  }
  if (tok.kind === 'number' && DECADE.test(tok.text)) return 'year';
  // "a 7.8-magnitude quake", "2.5 metres": people come in whole numbers unless scaled ("1.2 million").
  if (tok.kind === 'number' && first === base.endIndex && tok.text.indexOf('.') >= 0) return 'other';
  if (prev?.lower === 'no.' || prev?.lower === 'number') return 'other';
  // "between the ages of 16-18", "aged 20 to 25"
  const prev2 = tokens[first - 2];
  if (prev && (AGE_WORDS.has(prev.lower) || (prev.lower === 'of' && /^(?:ages?)$/.test(prev2?.lower ?? '')))) return 'age';
  // "shot 13 times", "fired 30 rounds": how often, not how many people.
  if (TIMES_OR_ROUNDS.has(nextLower)) return 'other';
  // "I-295", "AK-47", "M-16": a letter code joined by a hyphen names a road or a weapon.
  if (prev?.text === '-' && prev.end === tok.start && prev2 && prev2.end === prev.start && /^\p{Lu}{1,3}$/u.test(prev2.text)) return 'other';
  // "Interstate 295", "Route 9", "the 3900 block", "Flight 17", "Resolution 2254": names, not counts.
  if (prev && NAMED_BY_NUMBER.has(prev.lower) && tok.kind === 'number') return 'other';
  if (BLOCKS.has(nextLower)) return 'other';
  return 'count';
}

function mention(
  text: string, tokens: Token[], first: number, last: number, min: number, max: number | null, kind: NumberKind,
): FoundNumber {
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { start, end, text: text.slice(start, end), min, max, kind, firstToken: first, lastToken: last };
}
