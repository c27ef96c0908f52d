// The features of one sentence. Pure and deterministic: the same words and resources always give the
// same features in the same order, which is what makes training reproducible, and training and
// tagging read them from this one definition.
//
// Tokens come from two tokenisers: CoNLL splits possessives ("Assad 's"), the engine's own tokenizer
// keeps them on the word ("Assad's"). Word identity features therefore use the word with its
// possessive removed, and a flag says it was there, so "Assad's" looks like "Assad" followed by a
// possessive. ("Assads", from texts whose apostrophes were stripped, cannot be told from a plural;
// training merges some CoNLL possessives that way so that the model has seen the form.)

import { isApostrophe } from '../text';

/**
 * What a gazetteer says about a phrase: a country; a 'place' it is sure of (an exact match of a city
 * of 100,000 people or more, or of a region); a smaller 'town'; or a transliteration 'variant' match
 * ("Hasaka" for "Al Ḩasakah"). The last two are separate because in the labelled news most of them
 * are surnames and clubs. A lookup that only ever answers 'place' or 'country' works too.
 */
export type PlaceKind = 'country' | 'place' | 'town' | 'variant';
export type PlaceLookup = (phrase: string) => PlaceKind | null;

/**
 * How often a lower-cased word was written capitalised where capitals carry information (not sentence
 * initial, not in an all-caps headline): 'C' almost always, 'c' mostly, 'm' mixed, 'l' mostly lower.
 */
export type CasingBucket = 'C' | 'c' | 'm' | 'l';

export interface FeatureResources {
  casing: ReadonlyMap<string, CasingBucket>;
  placeLookup?: PlaceLookup;
  /** Word clusters: normalised word -> cluster id per granularity, coarse first. */
  clusters?: ReadonlyMap<string, readonly string[]>;
  /** tokenFacts with these clusters, or a memoised version of it (the tagger's). */
  facts?: (word: string) => TokenFacts;
}

/** Per-token facts that several features (and the neighbours' features) reuse. */
export interface TokenFacts {
  /** The word without a trailing possessive: "Assad's", "Assad’s" and "rebels'" give "Assad", "rebels". */
  core: string;
  /** core lower-cased, digits replaced by 0 so that numbers share weights. */
  norm: string;
  /** Character classes with runs capped at four: "Xxxxx", "X.X.", "dd,ddd", "xx-Xxxx". */
  shape: string;
  /** Character classes with runs collapsed: "Xx", "X.X.", "d,d", "x-Xx". */
  brief: string;
  casing: CasingClass;
  possessive: boolean;
  hasDigit: boolean;
  hasHyphen: boolean;
  hasApostrophe: boolean;
  /** "al-Harir", "ez-Zor": a lower-case Arabic article before a capitalised name, classed as 'init'. */
  arabicArticle: boolean;
  /** Cluster id of norm per granularity (coarse first); empty for words the clusters do not know. */
  clusters: readonly string[];
}

/**
 * The affix features read the prefixes and suffixes of norm of lengths 1 to MAX_AFFIX, interleaved
 * (p1, x1, p2, x2, ...), for every word but punctuation. They are sliced when emitted, not kept with
 * the facts: the tagger's scorer walks the characters instead, and most words' facts are made once.
 */
export const MAX_AFFIX = 4;

export function hasAffixes(f: TokenFacts): boolean {
  return f.casing !== 'punct';
}

export type CasingClass = 'init' | 'caps' | 'one' | 'low' | 'lowX' | 'mixed' | 'num' | 'punct';

const UPPER = /\p{Lu}|\p{Lt}/u;
const LOWER = /\p{Ll}/u;

function charClass(ch: string, code: number): string {
  if (code >= 65 && code <= 90) return 'X';
  if (code >= 97 && code <= 122) return 'x';
  if (code >= 48 && code <= 57) return 'd';
  if (code < 128) return ch;
  if (UPPER.test(ch)) return 'X';
  if (LOWER.test(ch)) return 'x';
  if (/\p{L}/u.test(ch)) return 'x'; // caseless scripts behave like lower-case words here
  if (/\p{Nd}/u.test(ch)) return 'd';
  return ch;
}

export function stripPossessive(word: string): { core: string; possessive: boolean } {
  const n = word.length;
  if (n > 2) {
    const last = word.charCodeAt(n - 1);
    if ((last === 115 || last === 83) && isApostrophe(word.charCodeAt(n - 2))) {
      return { core: word.slice(0, n - 2), possessive: true };
    }
    if (isApostrophe(last) && (word.charCodeAt(n - 2) | 32) === 115) {
      return { core: word.slice(0, n - 1), possessive: true };
    }
  }
  return { core: word, possessive: false };
}

const WHITESPACE = /\s/;
const ARABIC_ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az|an|ed|es|ez|ul)-\p{Lu}/u;

const NO_CLUSTERS: readonly string[] = [];

export function tokenFacts(word: string, clusters?: ReadonlyMap<string, readonly string[]>): TokenFacts {
  // Feature strings separate values with spaces; tokens from the engine never hold any.
  if (WHITESPACE.test(word)) word = word.replace(/\s+/g, '_');
  const { core, possessive } = stripPossessive(word);
  let shape = '';
  let brief = '';
  let prev = '';
  let run = 0;
  let letters = 0;
  let uppers = 0;
  let digits = 0;
  let firstUpper = false;
  let upperAfterFirst = false;
  let hasHyphen = false;
  let hasApostrophe = false;
  for (let i = 0; i < core.length; i++) {
    const ch = core[i];
    const cls = charClass(ch, core.charCodeAt(i));
    if (cls === 'X' || cls === 'x') {
      if (letters === 0) firstUpper = cls === 'X';
      else if (cls === 'X') upperAfterFirst = true;
      letters++;
      if (cls === 'X') uppers++;
    } else if (cls === 'd') {
      digits++;
    } else if (cls === '-') {
      hasHyphen = true;
    } else if (cls === "'" || cls === '’') {
      hasApostrophe = true;
    }
    if (cls === prev) {
      run++;
    } else {
      run = 1;
      brief += cls;
      prev = cls;
    }
    if (run <= 4) shape += cls;
  }
  let casing: CasingClass;
  if (letters === 0) casing = digits > 0 ? 'num' : 'punct';
  else if (uppers === letters) casing = letters === 1 ? 'one' : 'caps';
  else if (uppers === 0) casing = 'low';
  else if (firstUpper && !upperAfterFirst) casing = 'init';
  else if (!firstUpper) casing = 'lowX';
  else casing = 'mixed';
  // CoNLL has almost no "al-X" words, so as 'lowX' they would look like nothing the model knows; as
  // capitalised words with a flag they look like the names they are.
  const arabicArticle = casing === 'lowX' && ARABIC_ARTICLE.test(core);
  if (arabicArticle) casing = 'init';
  let norm = core.toLowerCase();
  if (digits > 0) norm = norm.replace(/\d/g, '0');
  return {
    core,
    norm,
    shape,
    brief,
    casing,
    possessive,
    hasDigit: digits > 0,
    hasHyphen,
    hasApostrophe,
    arabicArticle,
    clusters: clusters?.get(norm) ?? NO_CLUSTERS,
  };
}

/** Words a title-cased headline leaves in lower case. */
const TITLE_LOWER = new Set(
  (
    'a an the of in on at to for and or nor but by with from as into onto over under after before against ' +
    'amid via per vs is are was were be its'
  ).split(' '),
);

export function isTitleWord(norm: string): boolean {
  return TITLE_LOWER.has(norm);
}

/**
 * True when the sentence is a title-cased headline ("Regime Forces Retake Town Near Aleppo"), where
 * capitals say as little as in an all-caps one.
 */
export function isTitleCasedSentence(facts: readonly TokenFacts[]): boolean {
  let content = 0;
  let capitalised = 0;
  const n = facts.length;
  for (let i = 0; i < n; i++) {
    const f = facts[i];
    if (f.casing === 'punct' || f.casing === 'num' || TITLE_LOWER.has(f.norm)) continue;
    content++;
    if (f.casing !== 'low' && f.casing !== 'lowX') capitalised++;
    // Nine in ten content words capitalised is out of reach even if every token left is one: most
    // sentences are known not to be headlines after a few words.
    else if (10 * (content - capitalised) > content + (n - i - 1)) return false;
  }
  return content >= 4 && capitalised * 10 >= content * 9;
}

/** True when the sentence is an all-caps headline, where capitals say nothing about names. */
export function isShoutedSentence(facts: readonly TokenFacts[]): boolean {
  let caps = 0;
  let cased = 0;
  for (const f of facts) {
    if (f.casing === 'punct' || f.casing === 'num' || f.casing === 'one') continue;
    cased++;
    if (f.casing === 'caps') caps++;
  }
  return cased >= 2 && caps * 10 >= cased * 8;
}

/**
 * What the two headline tests above count of one word, as bits (HEADLINE_*), for a caller that knows
 * each word's facts once: summed over a sentence, headlineKind gives what the tests give.
 */
export function headlineBits(f: TokenFacts): number {
  const symbol = f.casing === 'punct' || f.casing === 'num';
  let bits = 0;
  if (!symbol && f.casing !== 'one') bits |= f.casing === 'caps' ? HEADLINE_CASED | HEADLINE_CAPS : HEADLINE_CASED;
  if (!symbol && !TITLE_LOWER.has(f.norm)) bits |= f.casing !== 'low' && f.casing !== 'lowX' ? HEADLINE_CONTENT | HEADLINE_CAPITALISED : HEADLINE_CONTENT;
  return bits;
}

/** A cased word for isShoutedSentence, and one in capitals. */
export const HEADLINE_CASED = 1;
export const HEADLINE_CAPS = 2;
/** A content word for isTitleCasedSentence, and one capitalised. */
export const HEADLINE_CONTENT = 4;
export const HEADLINE_CAPITALISED = 8;

/**
 * 1 for an all-caps headline (isShoutedSentence), 2 for a title-cased one (isTitleCasedSentence), 0
 * for neither, from how many of a sentence's words carry each headline bit.
 */
export function headlineKind(cased: number, caps: number, content: number, capitalised: number): number {
  if (cased >= 2 && caps * 10 >= cased * 8) return 1;
  return content >= 4 && capitalised * 10 >= content * 9 ? 2 : 0;
}

/** Words that may continue a capitalised place name: "Busra al-Harir", "Deir ez-Zor". */
export function continuesPlaceName(f: TokenFacts): boolean {
  return f.casing === 'init' || f.casing === 'caps' || f.casing === 'mixed';
}

export const MAX_PLACE_WORDS = 4;

/**
 * Place-name marks per token: "Bplace", "Icountry", "Uvariant", ... for the longest known phrase starting at
 * each capitalised word, scanning left to right. Only capitalised phrases are looked up, because a
 * world gazetteer knows towns called "Of", "Police" and "Man".
 */
export function placeMarks(facts: readonly TokenFacts[], lookup: PlaceLookup): string[] {
  const marks = new Array<string>(facts.length).fill('');
  let i = 0;
  while (i < facts.length) {
    const f = facts[i];
    if (!(f.casing === 'init' || f.casing === 'caps' || f.casing === 'mixed')) {
      i++;
      continue;
    }
    let maxLen = 1;
    while (maxLen < MAX_PLACE_WORDS && i + maxLen < facts.length && continuesPlaceName(facts[i + maxLen])) maxLen++;
    let matched = 0;
    let kind: PlaceKind | null = null;
    for (let len = maxLen; len >= 1 && !matched; len--) {
      let phrase = facts[i].core;
      for (let k = 1; k < len; k++) phrase += ' ' + facts[i + k].core;
      kind = lookup(phrase);
      if (kind) matched = len;
    }
    if (!matched || !kind) {
      i++;
      continue;
    }
    if (matched === 1) {
      marks[i] = 'U' + kind;
    } else {
      marks[i] = 'B' + kind;
      for (let k = 1; k < matched - 1; k++) marks[i + k] = 'I' + kind;
      marks[i + matched - 1] = 'L' + kind;
    }
    i += matched;
  }
  return marks;
}

export const START = '<s>';
export const END = '</s>';

/**
 * Feature templates. A feature is a template plus one to three values (words, shapes, classes); its
 * string form, as stored in the model, is `name=value value ...` (values never contain spaces).
 * Decoding never builds those strings: it looks the values up in per-template maps, where the words'
 * hashes, computed once per token, are reused by every template that mentions the token.
 */
export const TEMPLATES = [
  'b', 'w', 'W', 'S', 'c', 'L', 'L|c',
  'w-1', 'w+1', 'w-2', 'w+2', 's-1', 's+1', 's-2', 's+2',
  'w-1|w', 'w|w+1', 'w-1|c', 'c|w+1', 'c-1|c|c+1', 'L-1|L|L+1',
  'p1', 'p2', 'p3', 'p4', 'x1', 'x2', 'x3', 'x4',
  'flag', 'H|w', 'g', 'g-1', 'g+1', 'g|w-1', 'g|L',
  'K0', 'K1', 'K0-1', 'K1-1', 'K0+1', 'K1+1',
] as const;

export type TemplateName = (typeof TEMPLATES)[number];
const T = Object.fromEntries(TEMPLATES.map((name, i) => [name, i])) as Record<TemplateName, number>;

const AFFIX_TEMPLATES = [T.p1, T.x1, T.p2, T.x2, T.p3, T.x3, T.p4, T.x4];
const CLUSTER_TEMPLATES = [T.K0, T.K1];
const CLUSTER_TEMPLATES_BEFORE = [T['K0-1'], T['K1-1']];
const CLUSTER_TEMPLATES_AFTER = [T['K0+1'], T['K1+1']];

/** Receives the features of a sentence, token by token. */
export interface FeatureSink {
  token(index: number): void;
  /**
   * The features of one word seen from `offset` (-2 to 2) positions away: those that depend on
   * nothing else, which a sink may cache per word. Plain sinks call emitWordFeatures.
   */
  word(facts: TokenFacts, offset: WordOffset): void;
  one(template: number, a: string): void;
  two(template: number, a: string, b: string): void;
  three(template: number, a: string, b: string, c: string): void;
}

export type WordOffset = -2 | -1 | 0 | 1 | 2;
export const WORD_OFFSETS: readonly WordOffset[] = [-2, -1, 0, 1, 2];

function boundaryFacts(marker: string): TokenFacts {
  return {
    core: marker,
    norm: marker,
    shape: marker,
    brief: marker,
    casing: 'punct',
    possessive: false,
    hasDigit: false,
    hasHyphen: false,
    hasApostrophe: false,
    arabicArticle: false,
    clusters: NO_CLUSTERS,
  };
}

/** The facts of the padding before and after a sentence, as neighbours' features see them. */
export const BEFORE_SENTENCE = boundaryFacts(START);
export const AFTER_SENTENCE = boundaryFacts(END);

function emitClusters(f: TokenFacts, templates: readonly number[], sink: FeatureSink): void {
  const ids = f.clusters;
  for (let g = 0; g < ids.length && g < templates.length; g++) if (ids[g] !== undefined) sink.one(templates[g], ids[g]);
}

/** Features that depend on one word alone, as seen from the token `offset` positions away. */
export function emitWordFeatures(f: TokenFacts, offset: WordOffset, sink: FeatureSink): void {
  switch (offset) {
    case 0: {
      sink.one(T.b, '');
      sink.one(T.w, f.norm);
      const cls = f.casing;
      if (cls !== 'low' && cls !== 'punct' && cls !== 'num') sink.one(T.W, f.core);
      sink.one(T.S, f.shape);
      if (hasAffixes(f)) {
        const norm = f.norm;
        for (let k = 1; k <= MAX_AFFIX && k <= norm.length; k++) {
          sink.one(AFFIX_TEMPLATES[2 * k - 2], norm.slice(0, k));
          sink.one(AFFIX_TEMPLATES[2 * k - 1], norm.slice(norm.length - k));
        }
      }
      if (f.possessive) sink.one(T.flag, 'poss');
      if (f.hasDigit) sink.one(T.flag, 'digit');
      if (f.hasHyphen) sink.one(T.flag, 'hyphen');
      if (f.hasApostrophe) sink.one(T.flag, 'apos');
      if (f.arabicArticle) sink.one(T.flag, 'arabic');
      emitClusters(f, CLUSTER_TEMPLATES, sink);
      return;
    }
    case -1:
      sink.one(T['w-1'], f.norm);
      sink.one(T['s-1'], f.brief);
      emitClusters(f, CLUSTER_TEMPLATES_BEFORE, sink);
      return;
    case 1:
      sink.one(T['w+1'], f.norm);
      sink.one(T['s+1'], f.brief);
      emitClusters(f, CLUSTER_TEMPLATES_AFTER, sink);
      return;
    case -2:
      sink.one(T['w-2'], f.norm);
      sink.one(T['s-2'], f.brief);
      return;
    case 2:
      sink.one(T['w+2'], f.norm);
      sink.one(T['s+2'], f.brief);
      return;
  }
}

/** Feeds the features of every token of one sentence to the sink, in a fixed order. */
export function emitFeatures(words: readonly string[], resources: FeatureResources, sink: FeatureSink): void {
  const n = words.length;
  const clusters = resources.clusters;
  const facts = words.map(resources.facts ?? ((word) => tokenFacts(word, clusters)));
  const headline = isShoutedSentence(facts) ? 'H' : isTitleCasedSentence(facts) ? 'T' : '';
  const casingOf = resources.casing;
  const buckets = facts.map((f) => (f.casing === 'punct' || f.casing === 'num' ? '-' : casingOf.get(f.norm) ?? '?'));
  const marks = resources.placeLookup ? placeMarks(facts, resources.placeLookup) : null;

  // Padded by two on each side, so that neighbours need no bounds checks.
  const padded: TokenFacts[] = [BEFORE_SENTENCE, BEFORE_SENTENCE, ...facts, AFTER_SENTENCE, AFTER_SENTENCE];
  const casings: string[] = [START];
  const paddedBuckets: string[] = [START];
  for (let i = 0; i < n; i++) {
    casings.push(facts[i].casing);
    paddedBuckets.push(buckets[i]);
  }
  casings.push(END);
  paddedBuckets.push(END);
  const firstWord = n > 1 && facts[0].casing === 'punct' ? 1 : 0;

  for (let i = 0; i < n; i++) {
    sink.token(i);
    const f = facts[i];
    const w = f.norm;
    const cls = f.casing;
    sink.word(padded[i], -2);
    sink.word(padded[i + 1], -1);
    sink.word(f, 0);
    sink.word(padded[i + 3], 1);
    sink.word(padded[i + 4], 2);
    // Sentence-initial capitals and all-caps headlines say little about names; the casing class and
    // lexicon bucket carry where the word stands so that the weights can discount them.
    const clsHere = i === firstWord ? cls + '^' : cls;
    const bucketHere = i === firstWord ? buckets[i] + '^' : buckets[i] + headline;
    sink.one(T.c, clsHere);
    sink.one(T.L, bucketHere);
    sink.two(T['L|c'], bucketHere, clsHere);
    const prev = padded[i + 1].norm;
    const next = padded[i + 3].norm;
    sink.two(T['w-1|w'], prev, w);
    sink.two(T['w|w+1'], w, next);
    sink.two(T['w-1|c'], prev, cls);
    sink.two(T['c|w+1'], cls, next);
    sink.three(T['c-1|c|c+1'], casings[i], cls, casings[i + 2]);
    sink.three(T['L-1|L|L+1'], paddedBuckets[i], buckets[i], paddedBuckets[i + 2]);
    if (headline) {
      sink.one(T.flag, headline);
      sink.two(T['H|w'], headline, w);
    }
    if (marks) {
      if (marks[i]) {
        sink.one(T.g, marks[i]);
        // A world gazetteer knows a town for many surnames and clubs: "in X" and a name that is
        // always capitalised make a match believable, "said X" does not.
        sink.two(T['g|w-1'], marks[i], prev);
        sink.two(T['g|L'], marks[i], bucketHere);
      }
      if (i > 0 && marks[i - 1]) sink.one(T['g-1'], marks[i - 1]);
      if (i + 1 < n && marks[i + 1]) sink.one(T['g+1'], marks[i + 1]);
    }
  }
}

/** Feature strings per token, in the form the model stores them. For training and inspection. */
export function sentenceFeatures(words: readonly string[], resources: FeatureResources): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  emitFeatures(words, resources, {
    token() {
      current = [];
      out.push(current);
    },
    word(facts, offset) {
      emitWordFeatures(facts, offset, this);
    },
    one(t, a) {
      current.push(TEMPLATES[t] + '=' + a);
    },
    two(t, a, b) {
      current.push(TEMPLATES[t] + '=' + a + ' ' + b);
    },
    three(t, a, b, c) {
      current.push(TEMPLATES[t] + '=' + a + ' ' + b + ' ' + c);
    },
  });
  return out;
}

/** Splits a stored feature string into its template index and values; null for unknown templates. */
export function parseFeature(feature: string): { template: number; values: string[] } | null {
  const eq = feature.indexOf('=');
  if (eq < 0) return null;
  const template = T[feature.slice(0, eq) as TemplateName];
  if (template === undefined) return null;
  return { template, values: feature.slice(eq + 1).split(' ') };
}
