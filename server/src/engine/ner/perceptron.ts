// Training of the averaged structured perceptron (Collins 2002). Pure: sentences in, weights out. The
// averaging uses the usual two-accumulator trick, so an update costs the same whether or not the
// weights are averaged, and the average is exact.

import { Transitions, ViterbiScratch, viterbi } from './decode';
import { encodeWeightRows } from './model';

export interface LabelledSentence {
  /** Feature strings per token. */
  features: readonly (readonly string[])[];
  /** Gold label index per token. */
  labels: readonly number[];
}

/** A sentence with its feature strings replaced by row indices (unknown features dropped). */
export interface IndexedSentence {
  /** Row indices of token i are rows[offsets[i]] .. rows[offsets[i + 1]]. */
  rows: Int32Array;
  offsets: Int32Array;
  labels: Int32Array;
}

/** Deterministic pseudo-random numbers (mulberry32), so shuffles and augmentation repeat exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i];
    items[i] = items[j];
    items[j] = tmp;
  }
}

/** Weights with the perceptron's averaging applied: what gets evaluated and shipped. */
export interface AveragedWeights {
  /** features x labels, row-major. */
  emission: Float64Array;
  /** In the layout of Transitions.weights. */
  transitions: Float64Array;
}

export class PerceptronTrainer {
  readonly labelNames: readonly string[];
  readonly labelCount: number;
  readonly featureNames: string[] = [];
  private readonly featureRow = new Map<string, number>();
  private weights = new Float64Array(0);
  /** Sum of step * update, from which the average follows as weights - accumulated / step. */
  private accumulated = new Float64Array(0);
  private readonly transitions: Transitions;
  private readonly transitionAccumulated: Float64Array;
  private step = 1;
  private readonly scratch = new ViterbiScratch();

  constructor(labelNames: readonly string[]) {
    this.labelNames = labelNames;
    this.labelCount = labelNames.length;
    this.transitions = new Transitions(labelNames);
    this.transitionAccumulated = new Float64Array(this.transitions.weights.length);
  }

  get featureCount(): number {
    return this.featureNames.length;
  }

  /**
   * Registers the features of a training sentence (rows numbered in order of first appearance, so
   * that they are reproducible) and returns it indexed. Add every training sentence before training.
   */
  addTrainingSentence(s: LabelledSentence): IndexedSentence {
    for (const feats of s.features) {
      for (const f of feats) {
        if (this.featureRow.has(f)) continue;
        this.featureRow.set(f, this.featureNames.length);
        this.featureNames.push(f);
      }
    }
    return this.indexSentence(s);
  }

  private allocate(): void {
    const size = this.featureNames.length * this.labelCount;
    if (this.weights.length === size) return;
    const grownWeights = new Float64Array(size);
    grownWeights.set(this.weights);
    const grownAccumulated = new Float64Array(size);
    grownAccumulated.set(this.accumulated);
    this.weights = grownWeights;
    this.accumulated = grownAccumulated;
  }

  /** Indexes a sentence against the known features; features never seen in training are dropped. */
  indexSentence(s: LabelledSentence): IndexedSentence {
    const n = s.features.length;
    const offsets = new Int32Array(n + 1);
    const rows: number[] = [];
    for (let i = 0; i < n; i++) {
      offsets[i] = rows.length;
      for (const f of s.features[i]) {
        const r = this.featureRow.get(f);
        if (r !== undefined) rows.push(r);
      }
    }
    offsets[n] = rows.length;
    return { rows: Int32Array.from(rows), offsets, labels: Int32Array.from(s.labels) };
  }

  /** One pass over the sentences in the given order; returns the number of sentences mis-tagged. */
  trainEpoch(sentences: readonly IndexedSentence[]): number {
    this.allocate();
    let mistakes = 0;
    let emissions = new Float64Array(0);
    let predicted = new Int32Array(0);
    const L = this.labelCount;
    const width = L + 1;
    for (const s of sentences) {
      const n = s.labels.length;
      if (n === 0) continue;
      if (emissions.length < n * L) {
        emissions = new Float64Array(n * L * 2);
        predicted = new Int32Array(n * 2);
      }
      this.score(s, this.weights, emissions);
      const pred = predicted.subarray(0, n);
      viterbi(emissions, n, this.transitions, pred, this.scratch);
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const gold = s.labels[i];
        const guess = pred[i];
        if (gold === guess) continue;
        wrong = true;
        for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
          const base = s.rows[k] * L;
          this.update(base + gold, 1);
          this.update(base + guess, -1);
        }
      }
      if (wrong) {
        mistakes++;
        const tw = this.transitions.weights;
        const ta = this.transitionAccumulated;
        for (let i = 0; i <= n; i++) {
          const goldFrom = i === 0 ? L : s.labels[i - 1];
          const goldTo = i === n ? L : s.labels[i];
          const predFrom = i === 0 ? L : pred[i - 1];
          const predTo = i === n ? L : pred[i];
          if (goldFrom === predFrom && goldTo === predTo) continue;
          tw[goldFrom * width + goldTo] += 1;
          ta[goldFrom * width + goldTo] += this.step;
          tw[predFrom * width + predTo] -= 1;
          ta[predFrom * width + predTo] -= this.step;
        }
      }
      this.step++;
    }
    return mistakes;
  }

  private update(index: number, delta: number): void {
    this.weights[index] += delta;
    this.accumulated[index] += this.step * delta;
  }

  private score(s: IndexedSentence, weights: Float64Array, out: Float64Array): void {
    const L = this.labelCount;
    const n = s.labels.length;
    out.fill(0, 0, n * L);
    for (let i = 0; i < n; i++) {
      const base = i * L;
      for (let k = s.offsets[i]; k < s.offsets[i + 1]; k++) {
        const row = s.rows[k] * L;
        for (let y = 0; y < L; y++) out[base + y] += weights[row + y];
      }
    }
  }

  averaged(): AveragedWeights {
    const emission = new Float64Array(this.weights.length);
    for (let i = 0; i < emission.length; i++) emission[i] = this.weights[i] - this.accumulated[i] / this.step;
    const tw = this.transitions.weights;
    const transitions = new Float64Array(tw.length);
    for (let i = 0; i < tw.length; i++) transitions[i] = tw[i] - this.transitionAccumulated[i] / this.step;
    return { emission, transitions };
  }

  /** Decodes indexed sentences with the given (typically averaged) weights. */
  predict(sentences: readonly IndexedSentence[], weights: AveragedWeights): Int32Array[] {
    const transitions = new Transitions(this.labelNames, weights.transitions);
    const L = this.labelCount;
    return sentences.map((s) => {
      const n = s.labels.length;
      const em = new Float64Array(n * L);
      this.score(s, weights.emission, em);
      const out = new Int32Array(n);
      viterbi(em, n, transitions, out, this.scratch);
      return out;
    });
  }

  /** The weights in shipped form: sparse, pruned below `minWeight`, quantised. */
  exportWeights(weights: AveragedWeights, minWeight: number) {
    const rows = encodeWeightRows(this.featureNames, weights.emission, this.labelCount, minWeight);
    return { ...rows, transitions: Array.from(weights.transitions, (v) => Math.round(v * 1e4) / 1e4) };
  }
}
