// Word clusters from unlabelled text, computed at training time and shipped in the model. Words that
// occur in the same contexts ("the town of X", "X said", "near X") end up in the same cluster, so a
// town the labelled data never saw ("Azaz", known only from the Syria corpus) shares weights with the
// towns it did see. Spherical k-means over positive-PMI context vectors, then each cluster split again
// the same way: a two-level hierarchy, a cheap and deterministic stand-in for Brown clusters.

import { seededRandom } from './perceptron';

export interface ClusterOptions {
  coarse: number;
  /** Each coarse cluster is split into at most this many fine ones. */
  split: number;
  /** Words seen fewer times are not clustered. */
  minCount: number;
  /** The most frequent words that serve as context dimensions. */
  contextWords: number;
  iterations: number;
  seed: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  coarse: 64,
  split: 6,
  minCount: 3,
  contextWords: 600,
  iterations: 20,
  seed: 7,
};

/** Clusters per granularity, as shipped: entry k lists the words of cluster k, space-separated. */
export type ClusterLists = string[][];

const START = '<s>';
const END = '</s>';
/** Context positions relative to the word; nearer ones count double. */
const POSITIONS: ReadonlyArray<[number, number]> = [
  [-2, 1],
  [-1, 2],
  [1, 2],
  [2, 1],
];

interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

export class ContextCounter {
  private readonly sentences: string[][] = [];
  private readonly counts = new Map<string, number>();

  /** Adds a sentence of normalised words (tokenFacts(...).norm; punctuation included). */
  addSentence(norms: readonly string[]): void {
    this.sentences.push(norms.slice());
    for (const w of norms) this.counts.set(w, (this.counts.get(w) ?? 0) + 1);
  }

  cluster(options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): ClusterLists {
    // Ties in frequency are broken by the word itself, so the dimensions never depend on input order.
    const byFrequency = [...this.counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const contextIndex = new Map<string, number>();
    for (const [w] of byFrequency.slice(0, options.contextWords)) contextIndex.set(w, contextIndex.size);
    contextIndex.set(START, contextIndex.size);
    contextIndex.set(END, contextIndex.size);
    const otherContext = contextIndex.size;
    const perPosition = otherContext + 1;
    const dims = perPosition * POSITIONS.length;

    const words = byFrequency.filter(([w, c]) => c >= options.minCount && /\p{L}/u.test(w)).map(([w]) => w);
    const wordIndex = new Map(words.map((w, i) => [w, i]));
    const cooc: Map<number, number>[] = words.map(() => new Map());
    const dimTotals = new Float64Array(dims);
    let total = 0;
    for (const s of this.sentences) {
      for (let i = 0; i < s.length; i++) {
        const wi = wordIndex.get(s[i]);
        if (wi === undefined) continue;
        for (let p = 0; p < POSITIONS.length; p++) {
          const [offset, weight] = POSITIONS[p];
          const j = i + offset;
          const ctx = j < 0 ? START : j >= s.length ? END : s[j];
          const d = p * perPosition + (contextIndex.get(ctx) ?? otherContext);
          cooc[wi].set(d, (cooc[wi].get(d) ?? 0) + weight);
          dimTotals[d] += weight;
          total += weight;
        }
      }
    }
    const vectors = cooc.map((row) => ppmiVector(row, dimTotals, total));
    const random = seededRandom(options.seed);
    const coarseCount = Math.min(options.coarse, words.length);
    const coarse = sphericalKMeans(vectors, dims, coarseCount, options.iterations, random);
    const fine = new Int32Array(words.length);
    for (let c = 0; c < coarseCount; c++) {
      const members: number[] = [];
      coarse.forEach((cc, wi) => {
        if (cc === c) members.push(wi);
      });
      if (!members.length) continue;
      const sub = sphericalKMeans(
        members.map((wi) => vectors[wi]),
        dims,
        Math.min(options.split, members.length),
        options.iterations,
        random,
      );
      members.forEach((wi, k) => (fine[wi] = c * options.split + sub[k]));
    }
    const listsOf = (assignment: Int32Array, count: number) => {
      const lists: string[][] = Array.from({ length: count }, () => []);
      assignment.forEach((c, wi) => lists[c].push(words[wi]));
      return lists.map((l) => l.sort().join(' '));
    };
    return [listsOf(coarse, coarseCount), listsOf(fine, coarseCount * options.split)];
  }
}

function ppmiVector(row: Map<number, number>, dimTotals: Float64Array, total: number): SparseVector {
  let rowTotal = 0;
  for (const v of row.values()) rowTotal += v;
  const entries: Array<[number, number]> = [];
  for (const [d, v] of row) {
    const pmi = Math.log((v * total) / (rowTotal * dimTotals[d]));
    if (pmi > 0) entries.push([d, pmi]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, v] of entries) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return {
    index: Int32Array.from(entries, (e) => e[0]),
    value: Float64Array.from(entries, (e) => e[1] / norm),
  };
}

/** Assigns every vector to one of k clusters by cosine similarity; deterministic given the generator. */
function sphericalKMeans(
  vectors: readonly SparseVector[],
  dims: number,
  k: number,
  iterations: number,
  random: () => number,
): Int32Array {
  const n = vectors.length;
  const centroids = new Float64Array(k * dims);
  const chosen = new Set<number>();
  // Seeds drawn from all but the rarest words, which have the noisiest vectors.
  const pool = Math.max(k, Math.floor(n * 0.5));
  for (let c = 0; c < k; c++) {
    let pick = Math.floor(random() * pool);
    while (chosen.has(pick)) pick = (pick + 1) % pool;
    chosen.add(pick);
    const v = vectors[pick];
    for (let e = 0; e < v.index.length; e++) centroids[c * dims + v.index[e]] = v.value[e];
  }
  const assignment = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let i = 0; i < n; i++) {
      const v = vectors[i];
      let best = -Infinity;
      let arg = 0;
      for (let c = 0; c < k; c++) {
        const base = c * dims;
        let dot = 0;
        for (let e = 0; e < v.index.length; e++) dot += centroids[base + v.index[e]] * v.value[e];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      if (assignment[i] !== arg) moved++;
      assignment[i] = arg;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const v = vectors[i];
      const base = assignment[i] * dims;
      for (let e = 0; e < v.index.length; e++) centroids[base + v.index[e]] += v.value[e];
    }
    for (let c = 0; c < k; c++) {
      const base = c * dims;
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[base + d] * centroids[base + d];
      norm = Math.sqrt(norm);
      if (norm > 0) for (let d = 0; d < dims; d++) centroids[base + d] /= norm;
    }
    if (moved === 0) break;
  }
  return assignment;
}
