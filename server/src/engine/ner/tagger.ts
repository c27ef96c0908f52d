// The statistical entity tagger: an averaged structured perceptron with Viterbi decoding over BILOU
// labels. It takes the model as a plain object and never reads files; the caller decides when (and
// whether) to load the weights.

import { Transitions, ViterbiScratch, viterbi } from './decode';
import {
  CasingBucket,
  FeatureResources,
  FeatureSink,
  PlaceLookup,
  TEMPLATES,
  TokenFacts,
  WORD_OFFSETS,
  WordOffset,
  emitFeatures,
  emitWordFeatures,
  parseFeature,
  tokenFacts,
} from './features';
import { EntitySpan, LabelParts, labelIdsToSpans, parseLabel } from './labels';
import { MODEL_FORMAT, NerModelData, WeightRows, casingLexicon, clusterLookup, decodeWeightRows } from './model';

export interface NerTaggerOptions {
  /**
   * Gazetteer lookup for capitalised phrases of one to four words. The model was trained with
   * `placeLookupFromGazetteer` over the engine's gazetteer; without a lookup the tagger still works
   * and loses a little on places.
   */
  placeLookup?: PlaceLookup;
}

const MAX_CACHED_WORDS = 20000;

type Rows1 = Map<string, number>;
type Rows2 = Map<string, Rows1>;
type Rows3 = Map<string, Rows2>;

/**
 * Feature rows by template and values, nested so that no feature string is ever built while tagging:
 * the value strings come straight from the token facts, and each one's hash is computed once.
 */
class FeatureRows implements FeatureSink {
  private readonly rowsOne: Rows1[] = [];
  private readonly rowsTwo: Rows2[] = [];
  private readonly rowsThree: Rows3[] = [];
  private readonly entryStart: Int32Array;
  private readonly entryLabel: Uint8Array;
  private readonly entryWeight: Float32Array;
  private readonly labelCount: number;
  /** Scores of the sentence being tagged, tokens x labels. */
  emissions = new Float64Array(0);
  /** Where add() writes: the emissions, or a word's cached scores while they are worked out. */
  private target: Float64Array = this.emissions;
  private base = 0;
  /**
   * Summed scores of a word's own features seen from each offset -2..2 (five blocks of labelCount).
   * News repeats its words, so most tokens cost one cached lookup instead of some twenty map lookups.
   */
  private readonly wordScores = new Map<TokenFacts, Float64Array>();

  constructor(features: readonly string[], weights: WeightRows, labelCount: number) {
    for (let t = 0; t < TEMPLATES.length; t++) {
      this.rowsOne.push(new Map());
      this.rowsTwo.push(new Map());
      this.rowsThree.push(new Map());
    }
    features.forEach((feature, row) => {
      const parsed = parseFeature(feature);
      if (!parsed) return; // a template this version no longer emits
      const [a, b, c] = parsed.values;
      if (parsed.values.length === 1) {
        this.rowsOne[parsed.template].set(a, row);
      } else if (parsed.values.length === 2) {
        const byA = this.rowsTwo[parsed.template];
        let rows = byA.get(a);
        if (!rows) byA.set(a, (rows = new Map()));
        rows.set(b, row);
      } else {
        const byA = this.rowsThree[parsed.template];
        let byB = byA.get(a);
        if (!byB) byA.set(a, (byB = new Map()));
        let rows = byB.get(b);
        if (!rows) byB.set(b, (rows = new Map()));
        rows.set(c, row);
      }
    });
    this.entryStart = weights.entryStart;
    this.entryLabel = weights.entryLabel;
    this.entryWeight = weights.entryWeight;
    this.labelCount = labelCount;
  }

  token(index: number): void {
    this.target = this.emissions;
    this.base = index * this.labelCount;
  }

  word(facts: TokenFacts, offset: WordOffset): void {
    const labelCount = this.labelCount;
    let scores = this.wordScores.get(facts);
    if (scores === undefined) {
      scores = new Float64Array(WORD_OFFSETS.length * labelCount);
      const target = this.target;
      const base = this.base;
      this.target = scores;
      for (let k = 0; k < WORD_OFFSETS.length; k++) {
        this.base = k * labelCount;
        emitWordFeatures(facts, WORD_OFFSETS[k], this);
      }
      this.target = target;
      this.base = base;
      if (this.wordScores.size >= MAX_CACHED_WORDS) this.wordScores.clear();
      this.wordScores.set(facts, scores);
    }
    const em = this.target;
    const base = this.base;
    const block = (offset + 2) * labelCount;
    for (let y = 0; y < labelCount; y++) em[base + y] += scores[block + y];
  }

  one(template: number, a: string): void {
    const row = this.rowsOne[template].get(a);
    if (row !== undefined) this.add(row);
  }

  two(template: number, a: string, b: string): void {
    const row = this.rowsTwo[template].get(a)?.get(b);
    if (row !== undefined) this.add(row);
  }

  three(template: number, a: string, b: string, c: string): void {
    const row = this.rowsThree[template].get(a)?.get(b)?.get(c);
    if (row !== undefined) this.add(row);
  }

  private add(row: number): void {
    const em = this.target;
    const base = this.base;
    const labels = this.entryLabel;
    const weights = this.entryWeight;
    for (let e = this.entryStart[row], end = this.entryStart[row + 1]; e < end; e++) em[base + labels[e]] += weights[e];
  }
}

export class NerTagger {
  private readonly rows: FeatureRows;
  private readonly transitions: Transitions;
  private readonly labelParts: LabelParts[];
  private readonly resources: FeatureResources;
  private readonly scratch = new ViterbiScratch();
  private labelIds = new Int32Array(0);

  constructor(model: NerModelData, options: NerTaggerOptions = {}) {
    if (model.format !== MODEL_FORMAT) throw new Error(`not a NewsLens NER model (format ${model.format})`);
    this.rows = new FeatureRows(model.features, decodeWeightRows(model), model.labels.length);
    this.transitions = new Transitions(model.labels, model.transitions);
    this.labelParts = model.labels.map(parseLabel);
    const casing: ReadonlyMap<string, CasingBucket> = casingLexicon(model);
    const clusters = clusterLookup(model.clusters);
    this.resources = { casing, clusters, placeLookup: options.placeLookup, facts: memoisedFacts(clusters, MAX_CACHED_WORDS) };
  }

  get labels(): string[] {
    return this.labelParts.map((p) => (p.part === 'O' ? 'O' : `${p.part}-${p.type}`));
  }

  /**
   * Entity spans of ONE sentence as token indices, end exclusive. A span whose last token carries a
   * possessive ("Assad's") includes that token; trim the "'s" from its characters if needed.
   */
  tag(words: readonly string[]): EntitySpan[] {
    if (words.length === 0) return [];
    return labelIdsToSpans(this.decode(words), this.labelParts);
  }

  /** The BILOU label of every token, for inspection and tests. */
  tagLabels(words: readonly string[]): string[] {
    const names = this.labels;
    return Array.from(this.decode(words), (id) => names[id]);
  }

  private decode(words: readonly string[]): Int32Array {
    const n = words.length;
    const labelCount = this.transitions.labelCount;
    if (this.rows.emissions.length < n * labelCount) {
      this.rows.emissions = new Float64Array(n * labelCount * 2);
      this.labelIds = new Int32Array(n * 2);
    }
    this.rows.emissions.fill(0, 0, n * labelCount);
    emitFeatures(words, this.resources, this.rows);
    const out = this.labelIds.subarray(0, n);
    viterbi(this.rows.emissions, n, this.transitions, out, this.scratch);
    return out.slice();
  }
}

/** News repeats its words; the facts of a word (shape, affixes, ...) are worked out once. */
function memoisedFacts(clusters: ReadonlyMap<string, readonly string[]>, maxWords: number): (word: string) => TokenFacts {
  const cache = new Map<string, TokenFacts>();
  return (word) => {
    let facts = cache.get(word);
    if (facts === undefined) {
      if (cache.size >= maxWords) cache.clear();
      facts = tokenFacts(word, clusters);
      cache.set(word, facts);
    }
    return facts;
  };
}
