// Emission scores for tagging: the features of features.ts (emitFeatures) with every value interned
// to an integer once, when the model is loaded, so that scoring a sentence builds no strings and does
// few hash lookups. Per distinct word, its facts, casing class, lexicon bucket, interned form and the
// summed scores of its own features are worked out once; per sentence, one lookup per adjacent word
// pair finds both word-pair features; every other feature is an index into a small table.
//
// The scores are the ones the string features would give, added in the same order (Float64 sums of
// the same Float32 weights), so decoding gives exactly the labels it gave before: the unit test checks
// that against emitFeatures. A template added to emitFeatures must be added here too.

import {
  AFTER_SENTENCE,
  BEFORE_SENTENCE,
  CasingBucket,
  CasingClass,
  END,
  MAX_PLACE_WORDS,
  PlaceKind,
  PlaceLookup,
  START,
  TEMPLATES,
  TemplateName,
  TokenFacts,
  WORD_OFFSETS,
  HEADLINE_CAPITALISED,
  HEADLINE_CAPS,
  HEADLINE_CASED,
  HEADLINE_CONTENT,
  MAX_AFFIX,
  hasAffixes,
  continuesPlaceName,
  headlineBits,
  headlineKind,
  parseFeature,
  tokenFacts,
} from './features';
import { WeightRows } from './model';

const T = Object.fromEntries(TEMPLATES.map((name, i) => [name, i])) as Record<TemplateName, number>;

/** Casing classes, then the sentence-start and sentence-end markers of the neighbour features. */
const CASING_CLASSES: readonly CasingClass[] = ['init', 'caps', 'one', 'low', 'lowX', 'mixed', 'num', 'punct'];
const CASINGS: readonly string[] = [...CASING_CLASSES, START, END];
const CASING_PUNCT = CASING_CLASSES.indexOf('punct');
const CASING_START = 8;
const CASING_END = 9;
const CASING_VALUES = CASINGS.length;
/** The casing class of a sentence's first word carries a '^': ids CASING_VALUES and up. */
const CLASS_HERE_VALUES = 2 * CASING_VALUES;

/** Lexicon buckets, '-' for numbers and punctuation, '?' for words the lexicon does not know, markers. */
const LEXICON_BUCKETS: readonly CasingBucket[] = ['C', 'c', 'm', 'l'];
const BUCKETS: readonly string[] = [...LEXICON_BUCKETS, '-', '?', START, END];
const BUCKET_UNKNOWN = 5;
const BUCKET_NONE = 4;
const BUCKET_START = 6;
const BUCKET_END = 7;
const BUCKET_VALUES = BUCKETS.length;
/** A bucket as the token's own feature: plain, or with the headline kind, or '^' on the first word. */
const BUCKET_SUFFIXES = ['', 'H', 'T', '^'];
const SUFFIX_FIRST = 3;
const BUCKET_HERE_VALUES = BUCKET_VALUES * BUCKET_SUFFIXES.length;

/** 0 for an ordinary sentence, 1 for an all-caps headline, 2 for a title-cased one. */
const HEADLINES = ['', 'H', 'T'];
const HEADLINE_VALUES = HEADLINES.length;

/** Gazetteer marks: 0 for none, then B/I/L/U of each kind. */
const MARKS: readonly string[] = [
  '',
  ...['B', 'I', 'L', 'U'].flatMap((part) => ['country', 'place', 'town', 'variant'].map((kind) => part + kind)),
];
const MARK_VALUES = MARKS.length;
const MARK_IDS = new Map(MARKS.map((m, i) => [m, i]));

const MAX_CACHED_WORDS = 20000;
const MAX_CACHED_PHRASES = 50000;

function indexOf(values: readonly string[]): Map<string, number> {
  return new Map(values.map((v, i) => [v, i]));
}

const CASING_IDS = indexOf(CASINGS);
const CLASS_HERE_IDS = indexOf([...CASINGS, ...CASINGS.map((c) => c + '^')]);
const BUCKET_IDS = indexOf(BUCKETS);
const BUCKET_HERE_IDS = indexOf(BUCKETS.flatMap((b) => BUCKET_SUFFIXES.map((s) => b + s)));
const HEADLINE_IDS = indexOf(HEADLINES);

/** A word's shape: its casing class and lexicon bucket together, which the two triple features read. */
const SHAPE_VALUES = CASING_VALUES * BUCKET_VALUES;

function rowTable(size: number): Int32Array {
  return new Int32Array(size).fill(-1);
}

/** Where a word's own features see it from: WORD_OFFSETS[k] for k = 0 .. 4. */
const TWO_BEFORE = 0;
const BEFORE = 1;
const HERE = 2;
const AFTER = 3;
const TWO_AFTER = 4;

/**
 * Templates of a word's own features that read the same value of the word from several offsets:
 * 'w-2', 'w-1', 'w', 'w+1', 'w+2' its norm, 's-2' .. 's+2' its brief shape, 'K0-1', 'K0', 'K0+1' its
 * coarse cluster and the K1 ones its fine cluster. Their rows are filed by value, in runs of one row
 * per offset (WORD_OFFSETS order, -1 where the model has none), so that one lookup of the value finds
 * all of them.
 */
const NORM = 1;
const BRIEF = 2;
const COARSE = 3;
const FINE = 4;
/** Per template: which value it reads (0 for the other templates), and from which offset (index k). */
const VALUE_READ = new Int8Array(TEMPLATES.length);
const OFFSET_READ = new Int8Array(TEMPLATES.length);
for (const [read, templates] of [
  [NORM, [T['w-2'], T['w-1'], T.w, T['w+1'], T['w+2']]],
  [BRIEF, [T['s-2'], T['s-1'], -1, T['s+1'], T['s+2']]],
  [COARSE, [-1, T['K0-1'], T.K0, T['K0+1'], -1]],
  [FINE, [-1, T['K1-1'], T.K1, T['K1+1'], -1]],
] as const) {
  templates.forEach((template, k) => {
    if (template < 0) return;
    VALUE_READ[template] = read;
    OFFSET_READ[template] = k;
  });
}

/** Per template: the length of the prefixes it reads, minus that of the suffixes; 0 for others. */
const AFFIX_READ = new Int8Array(TEMPLATES.length);
[T.p1, T.p2, T.p3, T.p4].forEach((template, k) => (AFFIX_READ[template] = k + 1));
[T.x1, T.x2, T.x3, T.x4].forEach((template, k) => (AFFIX_READ[template] = -(k + 1)));

/**
 * A normalised word that some word-keyed feature of the model mentions, with the rows of its own
 * features and of the features that pair it with a small set of values.
 */
class WordValue {
  /** Where the scorer's ownRows holds the rows of 'w-2' .. 'w+2' with this word; -1 for none. */
  own = -1;
  /** 'w-1|c' with this word before a token of each casing class. */
  beforeCasing: Int32Array | null = null;
  /** 'c|w+1' with this word after a token of each casing class. */
  afterCasing: Int32Array | null = null;
  /** 'H|w' per headline kind. */
  inHeadline: Int32Array | null = null;
  /** 'g|w-1' with this word before a token of each gazetteer mark. */
  beforeMark: Int32Array | null = null;
  /** Whether some word-pair feature has this word first, or second. */
  pairFirst = false;
  pairSecond = false;

  constructor(readonly id: number) {}
}

/** The place lookup's answer for the phrase of the words on the path to this node, and longer phrases. */
interface PhraseNode {
  kind: PlaceKind | null | undefined;
  next: Map<WordInfo, PhraseNode> | null;
}

/**
 * What the scorer knows about one distinct word (token text), worked out once. The fields that scoring
 * reads for every token come first: they then share the processor's cache lines.
 */
interface WordInfo {
  /** What the headline tests count of the word (headlineBits). */
  headline: number;
  /** Casing class id (CASINGS); CASING_START / CASING_END for the padding. */
  casing: number;
  /** Lexicon bucket id (BUCKETS). */
  bucket: number;
  /** casing x BUCKET_VALUES + bucket. */
  shape: number;
  /** The id of the word's value when some word-pair feature has it first, or second; -1 otherwise. */
  pairFirst: number;
  pairSecond: number;
  /** Capitalised, or its own features favour a name label: the tokens around it are scored. */
  nameLike: boolean;
  /**
   * Where, in the scorer's arena, the summed scores of the word's own features as seen from offsets
   * -2..2 begin (blocks of labelCount): the word as the one two before the token scored, the one
   * before it, the token itself, the one after it, the one two after it. Words with the same block
   * share it. All but `here` are -1 until a scored token first needs them: most rare words are never
   * within two tokens of a name-like word, and working their blocks out was most of describing them.
   */
  twoBefore: number;
  before: number;
  here: number;
  after: number;
  twoAfter: number;
  /**
   * When sums are exact: where in the arena the offset-0 block plus the word's casing-class and bucket
   * features as an ordinary token has them (not the first word, not in a headline) begins. -1 until
   * the word is first scored as such a token, and always without exact sums.
   */
  plain: number;
  /**
   * When sums are exact and the word has 'w-1|c' features: where the scorer's classBlocks holds, per
   * casing class of the token after it, where the arena holds its offset -1 block plus that feature
   * (-1: not worked out yet, made when first needed). -1 for other words. The same for 'c|w+1' and
   * the offset +1 block by the class of the token before.
   */
  beforeClass: number;
  afterClass: number;
  /** Whether a place name may begin or go on with the word (continuesPlaceName). */
  inPlaceName: boolean;
  /**
   * The phrase-tree node of the phrases that begin with this word, once one was looked up: the root
   * of the tree held by its words, which saves a Map lookup per capitalised word. Null when forgotten.
   */
  phrase: PhraseNode | null;
  /** The interned norm, or null when no word-keyed feature mentions it. */
  value: WordValue | null;
  /** Where the scorer's ownRows holds the rows that read the word's brief shape, its clusters; -1 for none. */
  briefRows: number;
  coarseRows: number;
  fineRows: number;
  /**
   * The word without a possessive, which the place lookup reads (TokenFacts.core). The word's other
   * facts are not kept: a word's WordInfo lives as long as the scorer knows the word, and the garbage
   * collector copies what lives, and the affix strings alone are eight.
   */
  core: string;
}

/**
 * True when every sum of up to 2^14 of these weights is exact in a double, whatever the order. The
 * shipped weights are 16-bit integers times one scale, stored as float32, so all of them are integer
 * multiples of one power of two (the unit in the last place of the smallest) and their sums stay far
 * below 2^53 units. Then a token's scores can be grouped in any way and stay bit-identical.
 */
export function sumsAreExact(weights: Float32Array): boolean {
  let minAbs = Infinity;
  let maxAbs = 0;
  for (let e = 0; e < weights.length; e++) {
    const a = Math.abs(weights[e]);
    if (a > 0 && a < minAbs) minAbs = a;
    if (a > maxAbs) maxAbs = a;
  }
  if (maxAbs === 0) return true;
  if (!Number.isFinite(maxAbs)) return false;
  // A float32 has 24 significant bits; if log2 rounds the wrong way the check below fails safe.
  const unit = 2 ** (Math.floor(Math.log2(minAbs)) - 23);
  for (let e = 0; e < weights.length; e++) if (!Number.isInteger(weights[e] / unit)) return false;
  return (maxAbs / unit) * 2 ** 14 < 2 ** 53;
}

/**
 * Scores a sentence's tokens x labels exactly as emitFeatures' features with the model's weights
 * would. Holds caches (bounded) and scratch space: one scorer per tagger, used by one caller at a time.
 */
export class EmissionScorer {
  private readonly labelCount: number;
  private readonly entryStart: Int32Array;
  private readonly entryLabel: Uint8Array;
  private readonly entryWeight: Float32Array;

  /** Rows of the single-valued templates by value, but those of VALUE_READ and AFFIX_READ. */
  private readonly rowsOne: Map<string, number>[] = [];
  private readonly values = new Map<string, WordValue>();
  /** The runs of rows of VALUE_READ's templates, and where the run of each brief shape and cluster is. */
  private readonly ownRows: number[] = [];
  private readonly briefs = new Map<string, number>();
  private readonly coarseClusters = new Map<string, number>();
  private readonly fineClusters = new Map<string, number>();
  private readonly affixes = new AffixTrie();
  /** The rows of 'b' and of the word's flags, -1 for none. */
  private readonly biasRow: number;
  private readonly possessiveRow: number;
  private readonly digitRow: number;
  private readonly hyphenRow: number;
  private readonly apostropheRow: number;
  private readonly arabicRow: number;
  /** Word-value pairs (previous id x value count + next id) -> index into the two pair tables. */
  private readonly pairs = new Map<number, number>();
  /**
   * The same pairs as an open-addressing hash table on the two ids, which the scoring loop probes
   * once per adjacent word pair: a Map keyed by numbers that outgrow small integers hashes slowly.
   */
  private readonly pairTable: PairTable;
  private pairBefore: number[] = []; // 'w-1|w': the pair is (previous word, this token)
  private pairAfter: number[] = []; // 'w|w+1': the pair is (this token, next word)
  /** Per word pair: whether its feature favours a name label for either word. */
  private readonly pairNamey: Uint8Array;

  private readonly classHere = rowTable(CLASS_HERE_VALUES); // 'c'
  private readonly bucketHere = rowTable(BUCKET_HERE_VALUES); // 'L'
  private readonly bucketClass = rowTable(BUCKET_HERE_VALUES * CLASS_HERE_VALUES); // 'L|c'
  private readonly casingTriple = rowTable(CASING_VALUES * CASING_VALUES * CASING_VALUES); // 'c-1|c|c+1'
  private readonly bucketTriple = rowTable(BUCKET_VALUES * BUCKET_VALUES * BUCKET_VALUES); // 'L-1|L|L+1'
  private readonly headlineFlag = rowTable(HEADLINE_VALUES); // 'flag' = H, T
  private readonly mark = rowTable(MARK_VALUES); // 'g'
  private readonly markBefore = rowTable(MARK_VALUES); // 'g-1'
  private readonly markAfter = rowTable(MARK_VALUES); // 'g+1'
  private readonly markBucket = rowTable(MARK_VALUES * BUCKET_HERE_VALUES); // 'g|L'
  /**
   * The words' scores and, when sums are exact, casingTriple and bucketTriple as dense scores, in one
   * array: the scoring loop then reads seven blocks of one array, not seven arrays, which is faster.
   * The dense tables and the sentence padding come first and stay; words' blocks are appended, and
   * dropped with the words they belong to.
   */
  private arena = new Float64Array(0);
  private arenaUsed = 0;
  /**
   * Words' blocks by a hash of their scores, so that words with the same block share one: most words
   * seen from a neighbour have the same few blocks, and the arena then stays small enough to stay in
   * the processor's caches. Cleared with the words.
   */
  private sharedBlocks = new Map<number, number>();
  /**
   * Scratch for one block of a word's own features, read as doubles and (to hash the block) as their
   * bits, and for its plain block. A new typed array per block costs more than filling these: on the
   * first reading of a text, every distinct word is described.
   */
  private readonly wordScores: Float64Array;
  private readonly wordScoreBits: Int32Array;
  private readonly plainScores: Float64Array;
  /** Where the dense tables begin in the arena, and where the words' blocks do. */
  private readonly casingTripleAt: number;
  private readonly bucketTripleAt: number;
  /**
   * With exact sums, per triple of shapes (previous, this, next token), where the arena holds the
   * casing-triple and bucket-triple scores summed (-1: not yet): a text uses few of the triples, and
   * one block read per token instead of two is worth it. The blocks are in the words' part of the
   * arena and dropped with them.
   */
  private readonly shapeTriples: Int32Array;
  private readonly wordsAt: number;
  /**
   * The rows of CASING_VALUES block positions of WordInfo.beforeClass and afterClass, in one array
   * rather than one per word: one load fewer per token. The padding's rows come first and stay.
   */
  private classBlocks = new Int32Array(0);
  private classBlocksUsed = 0;
  private readonly wordsClassAt: number;

  /** Whether scores may be summed in any order (sumsAreExact): then per-word parts are merged. */
  private readonly exact: boolean;
  private readonly words = new Map<string, WordInfo>();
  /**
   * Place-lookup answers by the words of the phrase (a tree whose first level is WordInfo.phrase):
   * capitalised words are looked up in runs of one to four, and building each phrase's string to ask
   * a memo was most of the cost. Nodes in the tree, to bound it.
   */
  private phraseCount = 0;
  /** Scratch for markPlaces: the phrase-tree nodes of the phrases at one token. */
  private readonly phraseNodes: PhraseNode[] = [];
  private readonly beforeSentence: WordInfo;
  private readonly afterSentence: WordInfo;

  // Per-sentence scratch, grown as needed.
  private padded: WordInfo[] = [];
  private pairIndex = new Int32Array(0);
  private markIds = new Int32Array(0);

  constructor(
    features: readonly string[],
    weights: WeightRows,
    labelCount: number,
    private readonly casing: ReadonlyMap<string, CasingBucket>,
    private readonly clusters: ReadonlyMap<string, readonly string[]> | undefined,
    private readonly placeLookup: PlaceLookup | undefined,
    /** The index of label O, which `score` may give tokens far from any name unscored; -1 for none. */
    private readonly outsideLabel = -1,
  ) {
    this.labelCount = labelCount;
    this.wordScores = new Float64Array(labelCount);
    this.wordScoreBits = new Int32Array(this.wordScores.buffer);
    this.plainScores = new Float64Array(labelCount);
    this.entryStart = weights.entryStart;
    this.entryLabel = weights.entryLabel;
    this.entryWeight = weights.entryWeight;
    this.exact = sumsAreExact(weights.entryWeight);
    for (let t = 0; t < TEMPLATES.length; t++) this.rowsOne.push(new Map());
    // Word values first, so that pair keys can use their final count.
    const parsed = features.map(parseFeature);
    const wordValue = (norm: string) => {
      let v = this.values.get(norm);
      if (!v) this.values.set(norm, (v = new WordValue(this.values.size)));
      return v;
    };
    for (const p of parsed) {
      if (!p) continue;
      const [a, b] = p.values;
      switch (p.template) {
        case T['w-1|w']:
        case T['w|w+1']:
          wordValue(a);
          wordValue(b);
          break;
        case T['w-1|c']:
        case T['w-2']:
        case T['w-1']:
        case T.w:
        case T['w+1']:
        case T['w+2']:
          wordValue(a);
          break;
        case T['c|w+1']:
        case T['H|w']:
        case T['g|w-1']:
          wordValue(b);
          break;
      }
    }
    const valueCount = this.values.size;
    parsed.forEach((p, row) => {
      if (!p) return; // a template this version no longer emits
      this.addRow(p.template, p.values, row, valueCount);
    });
    this.pairTable = new PairTable(this.pairs, valueCount);
    this.affixes.seal();
    const flagRow = (flag: string) => this.rowsOne[T.flag].get(flag) ?? -1;
    this.biasRow = this.rowsOne[T.b].get('') ?? -1;
    this.possessiveRow = flagRow('poss');
    this.digitRow = flagRow('digit');
    this.hyphenRow = flagRow('hyphen');
    this.apostropheRow = flagRow('apos');
    this.arabicRow = flagRow('arabic');
    this.pairNamey = new Uint8Array(this.pairBefore.length);
    for (let k = 0; k < this.pairBefore.length; k++) {
      if (this.rowFavoursName(this.pairBefore[k]) || this.rowFavoursName(this.pairAfter[k])) this.pairNamey[k] = 1;
    }
    this.casingTripleAt = this.store(this.exact ? this.denseRows(this.casingTriple) : new Float64Array(0));
    this.bucketTripleAt = this.store(this.exact ? this.denseRows(this.bucketTriple) : new Float64Array(0));
    // The padding's blocks go before the words' part of the arena, which is dropped with the words.
    this.beforeSentence = this.describe(BEFORE_SENTENCE, CASING_START, BUCKET_START);
    this.afterSentence = this.describe(AFTER_SENTENCE, CASING_END, BUCKET_END);
    for (const k of [TWO_BEFORE, BEFORE, AFTER, TWO_AFTER]) {
      this.offsetBlock(this.beforeSentence, k);
      this.offsetBlock(this.afterSentence, k);
    }
    this.wordsAt = this.arenaUsed;
    this.wordsClassAt = this.classBlocksUsed;
    this.shapeTriples = new Int32Array(this.exact ? SHAPE_VALUES * SHAPE_VALUES * SHAPE_VALUES : 0).fill(-1);
  }

  /** Appends scores to the arena (grown by doubling) and returns where they begin. */
  private store(scores: Float64Array): number {
    const at = this.arenaUsed;
    if (at + scores.length > this.arena.length) {
      const grown = new Float64Array(Math.max(at + scores.length, 2 * this.arena.length, 4096));
      grown.set(this.arena.subarray(0, at));
      this.arena = grown;
    }
    this.arena.set(scores, at);
    this.arenaUsed = at + scores.length;
    return at;
  }

  /** Files one model row under its template's table; values no sentence can produce are dropped. */
  private addRow(template: number, values: string[], row: number, valueCount: number): void {
    const [a, b, c] = values;
    const id = (ids: Map<string, number>, v: string | undefined) => (v === undefined ? undefined : ids.get(v));
    const set = (table: Int32Array, index: number | undefined) => {
      if (index !== undefined && index >= 0 && index < table.length) table[index] = row;
    };
    const both = (x: number | undefined, y: number | undefined, width: number) =>
      x === undefined || y === undefined ? undefined : x * width + y;
    if (values.length === 1 && (this.filedByOffset(template, a, row) || this.filedAsAffix(template, a, row))) return;
    if (values.length === 1) this.rowsOne[template].set(a, row);
    switch (template) {
      case T.c:
        if (values.length === 1) set(this.classHere, id(CLASS_HERE_IDS, a));
        return;
      case T.L:
        if (values.length === 1) set(this.bucketHere, id(BUCKET_HERE_IDS, a));
        return;
      case T['L|c']:
        if (values.length === 2) set(this.bucketClass, both(id(BUCKET_HERE_IDS, a), id(CLASS_HERE_IDS, b), CLASS_HERE_VALUES));
        return;
      case T['w-1|w']:
      case T['w|w+1']: {
        if (values.length !== 2) return;
        const first = this.values.get(a)!;
        const second = this.values.get(b)!;
        first.pairFirst = true;
        second.pairSecond = true;
        const key = first.id * valueCount + second.id;
        let index = this.pairs.get(key);
        if (index === undefined) {
          index = this.pairBefore.length;
          this.pairs.set(key, index);
          this.pairBefore.push(-1);
          this.pairAfter.push(-1);
        }
        (template === T['w-1|w'] ? this.pairBefore : this.pairAfter)[index] = row;
        return;
      }
      case T['w-1|c']: {
        const cls = id(CASING_IDS, b);
        if (values.length !== 2 || cls === undefined) return;
        const v = this.values.get(a)!;
        set((v.beforeCasing ??= rowTable(CASING_VALUES)), cls);
        return;
      }
      case T['c|w+1']: {
        const cls = id(CASING_IDS, a);
        if (values.length !== 2 || cls === undefined) return;
        const v = this.values.get(b)!;
        set((v.afterCasing ??= rowTable(CASING_VALUES)), cls);
        return;
      }
      case T['c-1|c|c+1']: {
        if (values.length !== 3) return;
        const [x, y, z] = [id(CASING_IDS, a), id(CASING_IDS, b), id(CASING_IDS, c)];
        if (x === undefined || y === undefined || z === undefined) return;
        set(this.casingTriple, (x * CASING_VALUES + y) * CASING_VALUES + z);
        return;
      }
      case T['L-1|L|L+1']: {
        if (values.length !== 3) return;
        const [x, y, z] = [id(BUCKET_IDS, a), id(BUCKET_IDS, b), id(BUCKET_IDS, c)];
        if (x === undefined || y === undefined || z === undefined) return;
        set(this.bucketTriple, (x * BUCKET_VALUES + y) * BUCKET_VALUES + z);
        return;
      }
      case T.flag: {
        const h = id(HEADLINE_IDS, a);
        if (values.length === 1 && h !== undefined && h > 0) set(this.headlineFlag, h);
        return;
      }
      case T['H|w']: {
        const h = id(HEADLINE_IDS, a);
        if (values.length !== 2 || h === undefined || h === 0) return;
        const v = this.values.get(b)!;
        set((v.inHeadline ??= rowTable(HEADLINE_VALUES)), h);
        return;
      }
      case T.g:
      case T['g-1']:
      case T['g+1']: {
        const m = id(MARK_IDS, a);
        if (values.length !== 1 || !m) return;
        set(template === T.g ? this.mark : template === T['g-1'] ? this.markBefore : this.markAfter, m);
        return;
      }
      case T['g|w-1']: {
        const m = id(MARK_IDS, a);
        if (values.length !== 2 || !m) return;
        const v = this.values.get(b);
        if (v) set((v.beforeMark ??= rowTable(MARK_VALUES)), m);
        return;
      }
      case T['g|L']: {
        const m = id(MARK_IDS, a);
        if (values.length !== 2 || !m) return;
        set(this.markBucket, both(m, id(BUCKET_HERE_IDS, b), BUCKET_HERE_VALUES));
        return;
      }
    }
  }

  /** Files a row of a template of VALUE_READ in its value's run of ownRows; false for other templates. */
  private filedByOffset(template: number, value: string, row: number): boolean {
    const read = VALUE_READ[template];
    if (read === 0) return false;
    const runOf = (runs: Map<string, number>) => {
      let at = runs.get(value);
      if (at === undefined) runs.set(value, (at = this.newRun()));
      return at;
    };
    let at: number;
    if (read === NORM) {
      const v = this.values.get(value)!;
      if (v.own < 0) v.own = this.newRun();
      at = v.own;
    } else {
      at = runOf(read === BRIEF ? this.briefs : read === COARSE ? this.coarseClusters : this.fineClusters);
    }
    this.ownRows[at + OFFSET_READ[template]] = row;
    return true;
  }

  /** Files a row of an affix template in the affix trie; false for other templates. */
  private filedAsAffix(template: number, value: string, row: number): boolean {
    const length = AFFIX_READ[template];
    if (length === 0) return false;
    // An affix of another length is never emitted.
    if (value.length === Math.abs(length)) this.affixes.add(value, length < 0, row);
    return true;
  }

  private newRun(): number {
    const at = this.ownRows.length;
    for (let k = 0; k < WORD_OFFSETS.length; k++) this.ownRows.push(-1);
    return at;
  }

  private describe(facts: TokenFacts, casing: number, bucket: number): WordInfo {
    const value = this.values.get(facts.norm) ?? null;
    const clusters = facts.clusters;
    const coarse = clusters[0];
    const fine = clusters[1];
    const coarseRows = coarse === undefined ? -1 : this.coarseClusters.get(coarse) ?? -1;
    const fineRows = fine === undefined ? -1 : this.fineClusters.get(fine) ?? -1;
    const ownRows = this.ownRows;
    // In the order of emitWordFeatures, so that sums that are not exact stay the same.
    const scores = this.clearedScores();
    this.addOwn(this.biasRow);
    if (value !== null && value.own >= 0) this.addOwn(ownRows[value.own + HERE]);
    if (facts.casing !== 'low' && facts.casing !== 'punct' && facts.casing !== 'num') this.addOwnFeature(T.W, facts.core);
    this.addOwnFeature(T.S, facts.shape);
    if (hasAffixes(facts)) {
      const affixes = this.affixes;
      const norm = facts.norm;
      const last = norm.length - 1;
      let prefix = AffixTrie.PREFIXES;
      let suffix = AffixTrie.SUFFIXES;
      for (let k = 0; k < MAX_AFFIX && k <= last; k++) {
        if (prefix >= 0) prefix = affixes.child(prefix, norm.charCodeAt(k));
        if (prefix >= 0) this.addOwn(affixes.rows[prefix]);
        if (suffix >= 0) suffix = affixes.child(suffix, norm.charCodeAt(last - k));
        if (suffix >= 0) this.addOwn(affixes.rows[suffix]);
      }
    }
    if (facts.possessive) this.addOwn(this.possessiveRow);
    if (facts.hasDigit) this.addOwn(this.digitRow);
    if (facts.hasHyphen) this.addOwn(this.hyphenRow);
    if (facts.hasApostrophe) this.addOwn(this.apostropheRow);
    if (facts.arabicArticle) this.addOwn(this.arabicRow);
    if (coarseRows >= 0) this.addOwn(ownRows[coarseRows + HERE]);
    if (fineRows >= 0) this.addOwn(ownRows[fineRows + HERE]);
    const nameLike = isCapitalised(facts) || this.favoursName(scores);
    const byClass = (rows: Int32Array | null | undefined) => (this.exact && rows ? this.classRow() : -1);
    // The fields every sentence reads first, in the order of WordInfo: objects keep it.
    return {
      headline: headlineBits(facts), casing, bucket, shape: casing * BUCKET_VALUES + bucket,
      pairFirst: value?.pairFirst ? value.id : -1, pairSecond: value?.pairSecond ? value.id : -1, nameLike,
      twoBefore: -1, before: -1, here: this.storeShared(), after: -1, twoAfter: -1, plain: -1,
      beforeClass: byClass(value?.beforeCasing), afterClass: byClass(value?.afterCasing),
      inPlaceName: continuesPlaceName(facts), phrase: null, value,
      briefRows: this.briefs.get(facts.brief) ?? -1, coarseRows, fineRows, core: facts.core,
    };
  }

  /** wordScores set to zeros, in a loop: TypedArray fill is a call into the runtime, slow for a block. */
  private clearedScores(): Float64Array {
    const scores = this.wordScores;
    for (let y = 0; y < scores.length; y++) scores[y] = 0;
    return scores;
  }

  /** Adds a row of the word's own features to wordScores; -1 is a feature the model does not have. */
  private addOwn(row: number): void {
    this.add(this.wordScores, 0, row);
  }

  private addOwnFeature(template: number, value: string): void {
    this.addOwn(this.rowsOne[template].get(value) ?? -1);
  }

  /**
   * Where the arena holds the neighbour's block as seen from WORD_OFFSETS[k] (k other than HERE),
   * worked out and stored in its WordInfo the first time it is asked for. The rows are added in the
   * order of emitWordFeatures.
   */
  private offsetBlock(word: WordInfo, k: number): number {
    this.clearedScores();
    const ownRows = this.ownRows;
    const value = word.value;
    if (value !== null && value.own >= 0) this.addOwn(ownRows[value.own + k]);
    if (word.briefRows >= 0) this.addOwn(ownRows[word.briefRows + k]);
    if (word.coarseRows >= 0) this.addOwn(ownRows[word.coarseRows + k]);
    if (word.fineRows >= 0) this.addOwn(ownRows[word.fineRows + k]);
    const at = this.storeShared();
    switch (k) {
      case TWO_BEFORE: return (word.twoBefore = at);
      case BEFORE: return (word.before = at);
      case AFTER: return (word.after = at);
      default: return (word.twoAfter = at);
    }
  }

  /** Where the arena holds the word's plain block (WordInfo.plain), worked out when first asked for. */
  private plainBlock(word: WordInfo): number {
    const labelCount = this.labelCount;
    const block = this.plainScores;
    for (let y = 0; y < labelCount; y++) block[y] = this.arena[word.here + y];
    const bucketHere = word.bucket * BUCKET_SUFFIXES.length;
    const casing = word.casing;
    this.add(block, 0, this.classHere[casing]);
    this.add(block, 0, this.bucketHere[bucketHere]);
    this.add(block, 0, this.bucketClass[bucketHere * CLASS_HERE_VALUES + casing]);
    return (word.plain = this.store(block));
  }

  /** Stores the block in wordScores, or finds the same block stored before, and returns where it is. */
  private storeShared(): number {
    const scores = this.wordScores;
    const bits = this.wordScoreBits;
    const length = this.labelCount;
    let hash = 0;
    for (let k = 0, end = 2 * length; k < end; k++) hash = Math.imul(hash ^ bits[k], 0x9e3779b1) ^ (hash >>> 13);
    const seen = this.sharedBlocks.get(hash);
    if (seen !== undefined) {
      let same = true;
      for (let y = 0; y < length && same; y++) same = Object.is(this.arena[seen + y], scores[y]);
      if (same) return seen;
    }
    const at = this.store(scores);
    if (seen === undefined) this.sharedBlocks.set(hash, at);
    return at;
  }

  /**
   * Where the arena holds `word`'s offset -1 block (as the word before a token of casing class `cls`)
   * plus its 'w-1|c' feature for that class. Only with exact sums, for a word with such features.
   */
  private blockBefore(word: WordInfo, cls: number): number {
    const before = word.before >= 0 ? word.before : this.offsetBlock(word, BEFORE);
    return (this.classBlocks[word.beforeClass + cls] = this.blockWithRow(before, word.value!.beforeCasing![cls]));
  }

  /** The same for the offset +1 block of a word after a token of class `cls`, with 'c|w+1'. */
  private blockAfter(word: WordInfo, cls: number): number {
    const after = word.after >= 0 ? word.after : this.offsetBlock(word, AFTER);
    return (this.classBlocks[word.afterClass + cls] = this.blockWithRow(after, word.value!.afterCasing![cls]));
  }

  /** A new row of classBlocks, none worked out yet; returns where it begins. */
  private classRow(): number {
    const at = this.classBlocksUsed;
    if (at + CASING_VALUES > this.classBlocks.length) {
      const grown = new Int32Array(Math.max(2 * this.classBlocks.length, 1024));
      grown.set(this.classBlocks.subarray(0, at));
      this.classBlocks = grown;
    }
    this.classBlocks.fill(-1, at, at + CASING_VALUES);
    this.classBlocksUsed = at + CASING_VALUES;
    return at;
  }

  /** The dense casing-triple and bucket-triple blocks summed, stored in the arena. */
  private tripleBlock(casingTriple: number, bucketTriple: number): number {
    const labelCount = this.labelCount;
    const ct = this.casingTripleAt + casingTriple * labelCount;
    const bt = this.bucketTripleAt + bucketTriple * labelCount;
    const block = new Float64Array(labelCount);
    for (let y = 0; y < labelCount; y++) block[y] = this.arena[ct + y] + this.arena[bt + y];
    return this.store(block);
  }

  /** A copy of the arena block at `at` with one row's weights added; the block itself for row -1. */
  private blockWithRow(at: number, row: number): number {
    if (row < 0) return at;
    const block = this.arena.slice(at, at + this.labelCount);
    this.addRow2(block, 0, row);
    return this.store(block);
  }

  /** Whether some label other than O scores at least as well as O in a token's block of scores. */
  private favoursName(block: Float64Array): boolean {
    const outside = this.outsideLabel;
    if (outside < 0) return true;
    for (let y = 0; y < this.labelCount; y++) if (y !== outside && block[y] >= block[outside]) return true;
    return false;
  }

  private rowFavoursName(row: number): boolean {
    if (row < 0) return false;
    const block = new Float64Array(this.labelCount);
    this.addRow2(block, 0, row);
    return this.favoursName(block);
  }

  /** Adds one row's weights to the token at `base`; row -1 is a feature the model does not have. */
  private add(target: Float64Array, base: number, row: number): void {
    if (row < 0) return;
    const labels = this.entryLabel;
    const weights = this.entryWeight;
    for (let e = this.entryStart[row], end = this.entryStart[row + 1]; e < end; e++) target[base + labels[e]] += weights[e];
  }

  /** A table of rows as dense scores, table.length x labelCount, zero where there is no row. */
  private denseRows(table: Int32Array): Float64Array {
    const out = new Float64Array(table.length * this.labelCount);
    for (let k = 0; k < table.length; k++) if (table[k] >= 0) this.addRow2(out, k * this.labelCount, table[k]);
    return out;
  }

  private addRow2(target: Float64Array, base: number, row: number): void {
    const labels = this.entryLabel;
    const weights = this.entryWeight;
    for (let e = this.entryStart[row], end = this.entryStart[row + 1]; e < end; e++) target[base + labels[e]] += weights[e];
  }

  /** News repeats its words: what a word's features need is worked out once per distinct word. */
  private info(word: string): WordInfo {
    let info = this.words.get(word);
    if (info === undefined) {
      const facts = tokenFacts(word, this.clusters);
      const casing = CASING_IDS.get(facts.casing)!;
      const bucket =
        facts.casing === 'punct' || facts.casing === 'num' ? BUCKET_NONE : BUCKET_IDS.get(this.casing.get(facts.norm) ?? '?') ?? BUCKET_UNKNOWN;
      info = this.describe(facts, casing, bucket);
      this.words.set(word, info);
    }
    return info;
  }

  private forgetPhrases(): void {
    for (const info of this.words.values()) info.phrase = null;
    this.phraseCount = 0;
  }


  /** Gazetteer mark ids per token, exactly as placeMarks marks them. */
  private markPlaces(lookup: PlaceLookup, padded: readonly WordInfo[], n: number, markIds: Int32Array): void {
    if (this.phraseCount >= MAX_CACHED_PHRASES) this.forgetPhrases();
    markIds.fill(0, 0, n);
    let i = 0;
    while (i < n) {
      const start = padded[i + 2];
      if (!start.inPlaceName) {
        i++;
        continue;
      }
      let maxLength = 1;
      while (maxLength < MAX_PLACE_WORDS && i + maxLength < n && padded[i + maxLength + 2].inPlaceName) maxLength++;
      // The nodes of the phrases of 1 .. maxLength words at i, in one walk down the phrase tree.
      const nodes = this.phraseNodes;
      let node = start.phrase;
      if (node === null) {
        node = start.phrase = { kind: undefined, next: null };
        this.phraseCount++;
      }
      nodes[0] = node;
      for (let k = 1; k < maxLength; k++) {
        const level: Map<WordInfo, PhraseNode> = (node.next ??= new Map());
        const word = padded[i + k + 2];
        let found = level.get(word);
        if (found === undefined) {
          found = { kind: undefined, next: null };
          level.set(word, found);
          this.phraseCount++;
        }
        nodes[k] = node = found;
      }
      let matched = 0;
      let kind: PlaceKind | null = null;
      for (let length = maxLength; length >= 1 && !matched; length--) {
        const node = nodes[length - 1];
        if (node.kind === undefined) node.kind = lookup(phraseOf(padded, i, length));
        kind = node.kind;
        if (kind) matched = length;
      }
      if (!matched || !kind) {
        i++;
        continue;
      }
      if (matched === 1) {
        markIds[i] = MARK_IDS.get('U' + kind)!;
      } else {
        markIds[i] = MARK_IDS.get('B' + kind)!;
        for (let k = 1; k < matched - 1; k++) markIds[i + k] = MARK_IDS.get('I' + kind)!;
        markIds[i + matched - 1] = MARK_IDS.get('L' + kind)!;
      }
      i += matched;
    }
  }

  /**
   * Sets emissions[0 .. words.length x labelCount) to the scores of one sentence's tokens. With
   * `nearNames`, only the tokens within two of a name-like word are scored (a word with a capital
   * letter, one whose own features favour a name label, or either word of a word pair whose feature
   * does), and nearNames[i] tells whether token i was: the tagger takes the others as outside any name.
   * That keeps every label on real text (checked over CoNLL and the corpora); only all-lower-case
   * text can lose a name.
   */
  score(words: readonly string[], emissions: Float64Array, nearNames?: Uint8Array): void {
    const n = words.length;
    const labelCount = this.labelCount;
    if (n === 0) return;

    // Padded by two on each side, like emitFeatures' facts.
    const padded = this.padded;
    padded.length = n + 4;
    padded[0] = padded[1] = this.beforeSentence;
    padded[n + 2] = padded[n + 3] = this.afterSentence;
    // Words are forgotten between sentences only: the arena blocks of this sentence's words must stay.
    if (this.words.size + n > MAX_CACHED_WORDS) {
      this.words.clear();
      this.forgetPhrases();
      this.arenaUsed = this.wordsAt;
      this.classBlocksUsed = this.wordsClassAt;
      this.sharedBlocks = new Map();
      // The padding stays, but the blocks it made when needed were in the words' part of the arena.
      this.classBlocks.fill(-1, 0, this.wordsClassAt);
      this.shapeTriples.fill(-1);
    }
    // Whether the sentence is a headline, counted as the words are found (isShoutedSentence and
    // isTitleCasedSentence over the sentence's facts, without reading them again).
    let cased = 0;
    let caps = 0;
    let content = 0;
    let capitalised = 0;
    for (let i = 0; i < n; i++) {
      const info = this.info(words[i]);
      padded[i + 2] = info;
      const bits = info.headline;
      if (bits & HEADLINE_CASED) cased++;
      if (bits & HEADLINE_CAPS) caps++;
      if (bits & HEADLINE_CONTENT) content++;
      if (bits & HEADLINE_CAPITALISED) capitalised++;
    }
    const headline = headlineKind(cased, caps, content, capitalised);
    if (this.pairIndex.length < n + 1) {
      this.pairIndex = new Int32Array(2 * (n + 1));
      this.markIds = new Int32Array(2 * (n + 1));
    }
    const markIds = this.markIds;
    let marked = false;
    if (this.placeLookup) {
      marked = true;
      this.markPlaces(this.placeLookup, padded, n, markIds);
    }
    // Pair j is (padded[j + 1], padded[j + 2]): token i's previous pair is i, its next pair i + 1.
    const pairIndex = this.pairIndex;
    const pairTable = this.pairTable;
    for (let j = 0; j <= n; j++) {
      const a = padded[j + 1].pairFirst;
      const b = padded[j + 2].pairSecond;
      pairIndex[j] = a >= 0 && b >= 0 ? pairTable.find(a, b) : -1;
    }
    const firstWord = n > 1 && padded[2].casing === CASING_PUNCT ? 1 : 0;
    if (nearNames) {
      nearNames.fill(0, 0, n);
      const pairNamey = this.pairNamey;
      for (let i = 0; i < n; i++) {
        const namey = padded[i + 2].nameLike || (pairIndex[i] >= 0 && pairNamey[pairIndex[i]] === 1) || (pairIndex[i + 1] >= 0 && pairNamey[pairIndex[i + 1]] === 1);
        if (namey) nearNames.fill(1, Math.max(0, i - FEATURE_REACH), Math.min(n, i + FEATURE_REACH + 1));
      }
    }

    // With exact sums the casing and bucket triples come as dense rows, summed with the blocks, and
    // the neighbours' word-and-casing features come with the neighbours' blocks.
    const dense = this.exact;
    // Read after the words were found: a new word may have grown it.
    const classBlocks = this.classBlocks;

    for (let i = 0; i < n; i++) {
      if (nearNames && !nearNames[i]) continue;
      const base = i * labelCount;
      const prev = padded[i + 1];
      const here = padded[i + 2];
      const next = padded[i + 3];
      const cls = here.casing;
      const first = i === firstWord;
      const classHere = first ? cls + CASING_VALUES : cls;
      const bucketHere = here.bucket * BUCKET_SUFFIXES.length + (first ? SUFFIX_FIRST : headline);
      // An ordinary token's own block comes with its class and bucket features when sums are exact.
      const plain = dense && !first && !headline;
      // The words' own features from -2 to +2, each word's block summed on its own first, added left to
      // right. Blocks not worked out yet are -1.
      const twoBefore = padded[i];
      let s0 = twoBefore.twoBefore;
      if (s0 < 0) s0 = this.offsetBlock(twoBefore, TWO_BEFORE);
      let s1: number;
      if (prev.beforeClass >= 0) {
        s1 = classBlocks[prev.beforeClass + cls];
        if (s1 < 0) s1 = this.blockBefore(prev, cls);
      } else {
        s1 = prev.before;
        if (s1 < 0) s1 = this.offsetBlock(prev, BEFORE);
      }
      let s2 = here.here;
      if (plain) {
        s2 = here.plain;
        if (s2 < 0) s2 = this.plainBlock(here);
      }
      let s3: number;
      if (next.afterClass >= 0) {
        s3 = classBlocks[next.afterClass + cls];
        if (s3 < 0) s3 = this.blockAfter(next, cls);
      } else {
        s3 = next.after;
        if (s3 < 0) s3 = this.offsetBlock(next, AFTER);
      }
      const twoAfter = padded[i + 4];
      let s4 = twoAfter.twoAfter;
      if (s4 < 0) s4 = this.offsetBlock(twoAfter, TWO_AFTER);
      const casingTriple = (prev.casing * CASING_VALUES + cls) * CASING_VALUES + next.casing;
      const bucketTriple = (prev.bucket * BUCKET_VALUES + here.bucket) * BUCKET_VALUES + next.bucket;
      if (dense) {
        const shapes = (prev.shape * SHAPE_VALUES + here.shape) * SHAPE_VALUES + next.shape;
        let st = this.shapeTriples[shapes];
        if (st < 0) st = this.shapeTriples[shapes] = this.tripleBlock(casingTriple, bucketTriple);
        // Read after the blocks above, which may have grown it.
        const arena = this.arena;
        for (let y = 0; y < labelCount; y++) {
          emissions[base + y] = arena[s0 + y] + arena[s1 + y] + arena[s2 + y] + arena[s3 + y] + arena[s4 + y] + arena[st + y];
        }
      } else {
        const arena = this.arena;
        for (let y = 0; y < labelCount; y++) {
          emissions[base + y] = arena[s0 + y] + arena[s1 + y] + arena[s2 + y] + arena[s3 + y] + arena[s4 + y];
        }
      }
      if (!plain) {
        this.add(emissions, base, this.classHere[classHere]);
        this.add(emissions, base, this.bucketHere[bucketHere]);
        this.add(emissions, base, this.bucketClass[bucketHere * CLASS_HERE_VALUES + classHere]);
      }
      const before = pairIndex[i];
      if (before >= 0) this.add(emissions, base, this.pairBefore[before]);
      const after = pairIndex[i + 1];
      if (after >= 0) this.add(emissions, base, this.pairAfter[after]);
      const prevValue = prev.value;
      if (!dense) {
        const nextValue = next.value;
        if (prevValue !== null && prevValue.beforeCasing !== null) this.add(emissions, base, prevValue.beforeCasing[cls]);
        if (nextValue !== null && nextValue.afterCasing !== null) this.add(emissions, base, nextValue.afterCasing[cls]);
        this.add(emissions, base, this.casingTriple[casingTriple]);
        this.add(emissions, base, this.bucketTriple[bucketTriple]);
      }
      if (headline) {
        this.add(emissions, base, this.headlineFlag[headline]);
        const v = here.value;
        if (v !== null && v.inHeadline !== null) this.add(emissions, base, v.inHeadline[headline]);
      }
      if (marked) {
        const m = markIds[i];
        if (m) {
          this.add(emissions, base, this.mark[m]);
          if (prevValue !== null && prevValue.beforeMark !== null) this.add(emissions, base, prevValue.beforeMark[m]);
          this.add(emissions, base, this.markBucket[m * BUCKET_HERE_VALUES + bucketHere]);
        }
        if (i > 0 && markIds[i - 1]) this.add(emissions, base, this.markBefore[markIds[i - 1]]);
        if (i + 1 < n && markIds[i + 1]) this.add(emissions, base, this.markAfter[markIds[i + 1]]);
      }
    }
  }
}

/** The phrase of tokens i .. i + length - 1, as the place lookup reads it (padded holds token i at i + 2). */
function phraseOf(padded: readonly { core: string }[], i: number, length: number): string {
  let phrase = padded[i + 2].core;
  for (let k = 1; k < length; k++) phrase += ' ' + padded[i + k + 2].core;
  return phrase;
}

/**
 * An index by a pair of ids (word pairs by their word-value ids, the affix trie's edges by node and
 * character), in open addressing with linear probing at most half full, so that a lookup is a
 * multiply, a mask and a probe or two.
 */
class PairTable {
  private readonly mask: number;
  /** First id + 1 per slot, 0 for an empty slot; the second id; the pair's index. */
  private readonly firsts: Int32Array;
  private readonly seconds: Int32Array;
  private readonly indexes: Int32Array;

  constructor(pairs: ReadonlyMap<number, number>, valueCount: number) {
    let size = 16;
    while (size < 2 * pairs.size) size *= 2;
    this.mask = size - 1;
    this.firsts = new Int32Array(size);
    this.seconds = new Int32Array(size);
    this.indexes = new Int32Array(size);
    for (const [key, index] of pairs) {
      const first = Math.floor(key / valueCount);
      const second = key - first * valueCount;
      let slot = PairTable.hash(first, second) & this.mask;
      while (this.firsts[slot] !== 0) slot = (slot + 1) & this.mask;
      this.firsts[slot] = first + 1;
      this.seconds[slot] = second;
      this.indexes[slot] = index;
    }
  }

  private static hash(first: number, second: number): number {
    const h = Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b);
    return h ^ (h >>> 15);
  }

  /** The pair's index, or -1 when the model has no feature for it. */
  find(first: number, second: number): number {
    const mask = this.mask;
    const firsts = this.firsts;
    const tag = first + 1;
    for (let slot = PairTable.hash(first, second) & mask; ; slot = (slot + 1) & mask) {
      const f = firsts[slot];
      if (f === 0) return -1;
      if (f === tag && this.seconds[slot] === second) return this.indexes[slot];
    }
  }
}

/** UTF-16 code units: the characters an edge of the affix trie can read. */
const CHAR_CODES = 65536;

/**
 * The rows of the affix features by the characters of the affix: prefixes from a word's first
 * character on, suffixes from its last one back, one probe of a table of (node, character) edges per
 * character, instead of slicing an affix string and hashing it per feature, which was most of the cost
 * of a word's own features.
 */
class AffixTrie {
  static readonly PREFIXES = 0;
  static readonly SUFFIXES = 1;
  /** Per node: the row of the affix that ends there, -1 for none (and for the two roots). */
  readonly rows: number[] = [-1, -1];
  /** Edges while the trie is built, keyed node x CHAR_CODES + character code. */
  private building: Map<number, number> | null = new Map();
  private edges = new PairTable(new Map(), CHAR_CODES);

  add(affix: string, suffix: boolean, row: number): void {
    const building = this.building!;
    let node = suffix ? AffixTrie.SUFFIXES : AffixTrie.PREFIXES;
    for (let k = 0; k < affix.length; k++) {
      const key = node * CHAR_CODES + affix.charCodeAt(suffix ? affix.length - 1 - k : k);
      let next = building.get(key);
      if (next === undefined) {
        next = this.rows.length;
        this.rows.push(-1);
        building.set(key, next);
      }
      node = next;
    }
    this.rows[node] = row;
  }

  /** Ends building: the edges go into their lookup table. */
  seal(): void {
    this.edges = new PairTable(this.building!, CHAR_CODES);
    this.building = null;
  }

  /** The node after `node` by one more character, or -1 when no affix of the model goes on so. */
  child(node: number, code: number): number {
    return this.edges.find(node, code);
  }
}

/** Reach of the widest feature window: the word-shape features look two tokens either way. */
const FEATURE_REACH = 2;

function isCapitalised(f: TokenFacts): boolean {
  return f.casing !== 'low' && f.casing !== 'num' && f.casing !== 'punct';
}

