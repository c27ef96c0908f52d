// First-order Viterbi over BILOU labels, shared by training and tagging so that the perceptron is
// trained against exactly the decoder that ships.

import { allowedTransitions } from './labels';

/** Transition weights plus the well-formedness constraints, as the decoder reads them. */
export class Transitions {
  readonly labelCount: number;
  /** (labelCount + 1)^2 row-major; row labelCount = sentence start, column labelCount = sentence end. */
  readonly weights: Float64Array;
  readonly allowed: Uint8Array;
  /** For each label, the labels allowed right before it, and right after it. */
  readonly predecessors: Int32Array[];
  readonly successors: Int32Array[];
  /** The same, concatenated: label y's predecessors are predFlat[predStart[y] .. predStart[y + 1]). */
  readonly predStart: Int32Array;
  readonly predFlat: Int32Array;
  /**
   * Labels whose predecessors are one shared set of three or more: group index per label, -1 for
   * others; group g's predecessors are groupFlat[groupStart[g] .. groupStart[g + 1]).
   */
  readonly groupOf: Int32Array;
  readonly groupStart: Int32Array;
  readonly groupFlat: Int32Array;
  /** Labels a sentence may start and end with. */
  readonly starters: Int32Array;
  readonly enders: Int32Array;
  /**
   * The number of entity types when the labels are O then B-, I-, L-, U- of each type in that order
   * (bilouLabelNames), which viterbi then decodes with the allowed transitions written out; 0 otherwise.
   */
  readonly bilouTypes: number;

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
    this.successors = [];
    for (let p = 0; p < n; p++) {
      const next: number[] = [];
      for (let y = 0; y < n; y++) if (this.allowed[p * width + y]) next.push(y);
      this.successors.push(Int32Array.from(next));
    }
    this.predStart = new Int32Array(n + 1);
    const flat: number[] = [];
    for (let y = 0; y < n; y++) {
      this.predStart[y] = flat.length;
      flat.push(...this.predecessors[y]);
    }
    this.predStart[n] = flat.length;
    this.predFlat = Int32Array.from(flat);
    // Labels with the same three or more predecessors form a group (with BILOU: O, B-* and U-*, which
    // may all follow O, L-* and U-*).
    this.groupOf = new Int32Array(n).fill(-1);
    const groupKeys: string[] = [];
    const groupStart: number[] = [];
    const groupFlat: number[] = [];
    for (let y = 0; y < n; y++) {
      const preds = this.predecessors[y];
      if (preds.length < 3) continue;
      const key = preds.join(',');
      let g = groupKeys.indexOf(key);
      if (g < 0) {
        g = groupKeys.length;
        groupKeys.push(key);
        groupStart.push(groupFlat.length);
        groupFlat.push(...preds);
      }
      this.groupOf[y] = g;
    }
    groupStart.push(groupFlat.length);
    this.groupStart = Int32Array.from(groupStart);
    this.groupFlat = Int32Array.from(groupFlat);
    const starters: number[] = [];
    const enders: number[] = [];
    for (let y = 0; y < n; y++) {
      if (this.allowed[n * width + y]) starters.push(y);
      if (this.allowed[y * width + n]) enders.push(y);
    }
    this.starters = Int32Array.from(starters);
    this.enders = Int32Array.from(enders);
    this.bilouTypes = isBilouLayout(labelNames) ? (n - 1) / 4 : 0;
  }
}

/** O first, then for each type its B-, I-, L- and U- labels, in that order. */
function isBilouLayout(names: readonly string[]): boolean {
  if (names.length < 5 || (names.length - 1) % 4 !== 0 || names[0] !== 'O') return false;
  for (let k = 1; k < names.length; k += 4) {
    const type = names[k].slice(2);
    for (let j = 0; j < 4; j++) if (names[k + j] !== `${'BILU'[j]}-${type}`) return false;
  }
  return true;
}

/** Reusable scratch space, so that decoding a sentence allocates nothing once warmed up. */
export class ViterbiScratch {
  score = new Float64Array(0);
  back = new Int32Array(0);
  /** Weight of each (predecessor, label) transition in Transitions.predFlat order. */
  predWeight = new Float64Array(0);
  /** Per label, its largest transition weight from any predecessor. */
  predMax = new Float64Array(0);
  /** Per group, at the current token: best previous score, its position in the group, the runner-up. */
  groupBest = new Float64Array(0);
  groupBestAt = new Int32Array(0);
  groupSecond = new Float64Array(0);

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
 * Ties go to the lower label index, so decoding is deterministic. `before` and `after` are the labels
 * fixed around the tokens (labelCount: the sentence's start and end), so that a stretch of a sentence
 * between tokens already known to be O decodes as it would inside the whole sentence; `first` is the
 * stretch's first token, in emissions and out. `gathered`: the scratch already holds the transition
 * weights as gathered by a call before this one, which they have not changed since (the stretches of
 * one sentence), so they are not gathered again.
 */
export function viterbi(
  emissions: Float64Array,
  length: number,
  t: Transitions,
  out: Int32Array,
  scratch: ViterbiScratch = new ViterbiScratch(),
  before: number = t.labelCount,
  after: number = t.labelCount,
  first = 0,
  gathered = false,
): void {
  if (length === 0) return;
  const n = t.labelCount;
  const width = n + 1;
  const starters = before === n ? t.starters : t.successors[before];
  const enders = after === n ? t.enders : t.predecessors[after];
  const w = t.weights;
  scratch.ensure(length * n);
  const score = scratch.score;
  const back = scratch.back;
  // Transition weights in the order the inner loop reads them, gathered per sentence (its first call)
  // because training changes them between sentences.
  const predStart = t.predStart;
  const predFlat = t.predFlat;
  if (scratch.predWeight.length < predFlat.length) scratch.predWeight = new Float64Array(predFlat.length);
  if (scratch.predMax.length < n) scratch.predMax = new Float64Array(n);
  const groups = t.groupStart.length - 1;
  if (scratch.groupBest.length < groups) {
    scratch.groupBest = new Float64Array(groups);
    scratch.groupBestAt = new Int32Array(groups);
    scratch.groupSecond = new Float64Array(groups);
  }
  const predWeight = scratch.predWeight;
  const predMax = scratch.predMax;
  for (let y = 0; y < n && !gathered; y++) {
    let max = -Infinity;
    for (let k = predStart[y], end = predStart[y + 1]; k < end; k++) {
      const v = w[predFlat[k] * width + y];
      predWeight[k] = v;
      if (v > max) max = v;
    }
    predMax[y] = max;
  }
  for (let y = 0; y < n; y++) score[y] = -Infinity;
  const offset = first * n;
  for (let k = 0; k < starters.length; k++) {
    const y = starters[k];
    score[y] = w[before * width + y] + emissions[offset + y];
  }
  if (t.bilouTypes > 0) {
    bilouSteps(emissions, length, n, w, width, predMax, score, back, offset);
  } else {
    generalSteps(emissions, length, t, scratch, score, back, offset);
  }
  const lastRow = (length - 1) * n;
  let best = -Infinity;
  let arg = 0;
  for (let k = 0; k < enders.length; k++) {
    const y = enders[k];
    const s = score[lastRow + y] + w[y * width + after];
    if (s > best) {
      best = s;
      arg = y;
    }
  }
  out[first + length - 1] = arg;
  for (let i = length - 1; i > 0; i--) out[first + i - 1] = back[i * n + out[first + i]];
}

/** Viterbi's recursion for tokens 1 .. length - 1, for any labels and allowed transitions. */
function generalSteps(
  emissions: Float64Array,
  length: number,
  t: Transitions,
  scratch: ViterbiScratch,
  score: Float64Array,
  back: Int32Array,
  offset: number,
): void {
  const n = t.labelCount;
  const predStart = t.predStart;
  const predFlat = t.predFlat;
  const groupStart = t.groupStart;
  const groupFlat = t.groupFlat;
  const groupOf = t.groupOf;
  const groups = groupStart.length - 1;
  const predWeight = scratch.predWeight;
  const predMax = scratch.predMax;
  const groupBest = scratch.groupBest;
  const groupBestAt = scratch.groupBestAt;
  const groupSecond = scratch.groupSecond;
  for (let i = 1; i < length; i++) {
    const row = i * n;
    const prevRow = row - n;
    // The best and second-best previous scores of each group, first best on ties.
    for (let g = 0; g < groups; g++) {
      let first = -Infinity;
      let at = -1;
      let second = -Infinity;
      for (let j = groupStart[g], end = groupStart[g + 1]; j < end; j++) {
        const s = score[prevRow + groupFlat[j]];
        if (s > first) {
          second = first;
          first = s;
          at = j - groupStart[g];
        } else if (s > second) {
          second = s;
        }
      }
      groupBest[g] = first;
      groupBestAt[g] = at;
      groupSecond[g] = second;
    }
    for (let y = 0; y < n; y++) {
      const g = groupOf[y];
      if (g >= 0 && groupBestAt[g] >= 0) {
        // The best previous label wins outright when even the runner-up with this label's largest
        // transition weight stays below it: no other predecessor can reach or tie its score (rounding
        // is monotonic), so the full loop below would pick it too.
        const k = predStart[y] + groupBestAt[g];
        const lead = groupBest[g] + predWeight[k];
        if (groupSecond[g] + predMax[y] < lead) {
          score[row + y] = lead + emissions[offset + row + y];
          back[row + y] = predFlat[k];
          continue;
        }
      }
      let best = -Infinity;
      let arg = -1;
      const start = predStart[y];
      const end = predStart[y + 1];
      if (end - start === 2) {
        // BILOU's inside and last labels follow only their type's begin and inside labels: the loop
        // below, unrolled.
        const p = predFlat[start];
        const q = predFlat[start + 1];
        const sp = score[prevRow + p] + predWeight[start];
        const sq = score[prevRow + q] + predWeight[start + 1];
        if (sp > best) {
          best = sp;
          arg = p;
        }
        if (sq > best) {
          best = sq;
          arg = q;
        }
      } else {
        for (let k = start; k < end; k++) {
          const p = predFlat[k];
          const s = score[prevRow + p] + predWeight[k];
          if (s > best) {
            best = s;
            arg = p;
          }
        }
      }
      score[row + y] = best + emissions[offset + row + y];
      back[row + y] = arg;
    }
  }
}

/**
 * Viterbi's recursion for tokens 1 .. length - 1 over BILOU labels in their usual order (O, then B, I,
 * L, U per type), with the allowed transitions written out: O, B-* and U-* follow O, L-* and U-*;
 * I-x and L-x follow B-x and I-x. The same sums and comparisons in the same order as generalSteps,
 * so the same labels, ties included, without reading the transitions' tables per token.
 */
function bilouSteps(
  emissions: Float64Array,
  length: number,
  n: number,
  w: Float64Array,
  width: number,
  predMax: Float64Array,
  score: Float64Array,
  back: Int32Array,
  offset: number,
): void {
  for (let i = 1; i < length; i++) {
    const row = i * n;
    const prevRow = row - n;
    const at = offset + row;
    // The best and second-best previous scores of the labels that close a name (O, L-*, U-*), first
    // best on ties, as generalSteps' group.
    let top = score[prevRow];
    let topLabel = top > -Infinity ? 0 : -1;
    let second = -Infinity;
    for (let last = 3; last < n; last += 4) {
      const sl = score[prevRow + last];
      if (sl > top) {
        second = top;
        top = sl;
        topLabel = last;
      } else if (sl > second) {
        second = sl;
      }
      const su = score[prevRow + last + 1];
      if (su > top) {
        second = top;
        top = su;
        topLabel = last + 1;
      } else if (su > second) {
        second = su;
      }
    }
    afterCloser(emissions, w, width, n, predMax, score, back, prevRow, row, at, 0, top, topLabel, second);
    for (let begin = 1; begin < n; begin += 4) {
      afterCloser(emissions, w, width, n, predMax, score, back, prevRow, row, at, begin, top, topLabel, second);
      afterOpener(emissions, w, width, score, back, prevRow, row, at, begin, begin + 1);
      afterOpener(emissions, w, width, score, back, prevRow, row, at, begin, begin + 2);
      afterCloser(emissions, w, width, n, predMax, score, back, prevRow, row, at, begin + 3, top, topLabel, second);
    }
  }
}

/** Score and back pointer of label y (I-x or L-x), which follows B-x (`begin`) or I-x only, B-x first on ties. */
function afterOpener(
  emissions: Float64Array,
  w: Float64Array,
  width: number,
  score: Float64Array,
  back: Int32Array,
  prevRow: number,
  row: number,
  at: number,
  begin: number,
  y: number,
): void {
  const inside = begin + 1;
  let best = -Infinity;
  let arg = -1;
  let s = score[prevRow + begin] + w[begin * width + y];
  if (s > best) {
    best = s;
    arg = begin;
  }
  s = score[prevRow + inside] + w[inside * width + y];
  if (s > best) {
    best = s;
    arg = inside;
  }
  score[row + y] = best + emissions[at + y];
  back[row + y] = arg;
}

/** Score and back pointer of label y (O, B-* or U-*), which follows the labels that close a name. */
function afterCloser(
  emissions: Float64Array,
  w: Float64Array,
  width: number,
  n: number,
  predMax: Float64Array,
  score: Float64Array,
  back: Int32Array,
  prevRow: number,
  row: number,
  at: number,
  y: number,
  top: number,
  topLabel: number,
  second: number,
): void {
  if (topLabel >= 0) {
    // As in generalSteps: the best previous label wins outright when even the runner-up with y's
    // largest transition weight stays below it.
    const lead = top + w[topLabel * width + y];
    if (second + predMax[y] < lead) {
      score[row + y] = lead + emissions[at + y];
      back[row + y] = topLabel;
      return;
    }
  }
  let best = -Infinity;
  let arg = -1;
  let s = score[prevRow] + w[y];
  if (s > best) {
    best = s;
    arg = 0;
  }
  for (let last = 3; last < n; last += 4) {
    s = score[prevRow + last] + w[last * width + y];
    if (s > best) {
      best = s;
      arg = last;
    }
    s = score[prevRow + last + 1] + w[(last + 1) * width + y];
    if (s > best) {
      best = s;
      arg = last + 1;
    }
  }
  score[row + y] = best + emissions[at + y];
  back[row + y] = arg;
}
