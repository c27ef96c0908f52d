// First-order Viterbi over BILOU labels, shared by training and tagging so that the perceptron is
// trained against exactly the decoder that ships.

import { allowedTransitions } from './labels';

/** Transition weights plus the well-formedness constraints, as the decoder reads them. */
export class Transitions {
  readonly labelCount: number;
  /** (labelCount + 1)^2 row-major; row labelCount = sentence start, column labelCount = sentence end. */
  readonly weights: Float64Array;
  readonly allowed: Uint8Array;
  /** For each label, the labels allowed right before it. */
  readonly predecessors: Int32Array[];
  /** Labels a sentence may start and end with. */
  readonly starters: Int32Array;
  readonly enders: Int32Array;

  constructor(labelNames: readonly string[], weights?: ArrayLike<number>) {
    const n = labelNames.length;
    this.labelCount = n;
    this.allowed = allowedTransitions(labelNames);
    this.weights = new Float64Array((n + 1) * (n + 1));
    if (weights) this.weights.set(weights);
    const width = n + 1;
    this.predecessors = [];
    for (let y = 0; y < n; y++) {
      const preds: number[] = [];
      for (let p = 0; p < n; p++) if (this.allowed[p * width + y]) preds.push(p);
      this.predecessors.push(Int32Array.from(preds));
    }
    const starters: number[] = [];
    const enders: number[] = [];
    for (let y = 0; y < n; y++) {
      if (this.allowed[n * width + y]) starters.push(y);
      if (this.allowed[y * width + n]) enders.push(y);
    }
    this.starters = Int32Array.from(starters);
    this.enders = Int32Array.from(enders);
  }
}

/** Reusable scratch space, so that decoding a sentence allocates nothing once warmed up. */
export class ViterbiScratch {
  score = new Float64Array(0);
  back = new Int32Array(0);

  ensure(size: number): void {
    if (this.score.length < size) {
      const grown = Math.max(size, this.score.length * 2);
      this.score = new Float64Array(grown);
      this.back = new Int32Array(grown);
    }
  }
}

/**
 * Best label sequence for `length` tokens given emission scores (length x labelCount, row-major).
 * Ties go to the lower label index, so decoding is deterministic.
 */
export function viterbi(
  emissions: Float64Array,
  length: number,
  t: Transitions,
  out: Int32Array,
  scratch: ViterbiScratch = new ViterbiScratch(),
): void {
  if (length === 0) return;
  const n = t.labelCount;
  const width = n + 1;
  const w = t.weights;
  scratch.ensure(length * n);
  const score = scratch.score;
  const back = scratch.back;
  for (let y = 0; y < n; y++) score[y] = -Infinity;
  for (let k = 0; k < t.starters.length; k++) {
    const y = t.starters[k];
    score[y] = w[n * width + y] + emissions[y];
  }
  for (let i = 1; i < length; i++) {
    const row = i * n;
    const prevRow = row - n;
    for (let y = 0; y < n; y++) {
      const preds = t.predecessors[y];
      let best = -Infinity;
      let arg = -1;
      for (let k = 0; k < preds.length; k++) {
        const p = preds[k];
        const s = score[prevRow + p] + w[p * width + y];
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + y] = best + emissions[row + y];
      back[row + y] = arg;
    }
  }
  const lastRow = (length - 1) * n;
  let best = -Infinity;
  let arg = 0;
  for (let k = 0; k < t.enders.length; k++) {
    const y = t.enders[k];
    const s = score[lastRow + y] + w[y * width + n];
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  out[length - 1] = arg;
  for (let i = length - 1; i > 0; i--) out[i - 1] = back[i * n + out[i]];
}
