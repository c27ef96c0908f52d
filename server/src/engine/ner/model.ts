// The shipped model: plain JSON, so the extension loads it with require() or JSON.parse and hands the
// object in. Weights are sparse (most features only ever moved two or three labels) and quantised to
// 16 bits, which keeps the file a few megabytes with no measurable loss of F1.

import { CasingBucket } from './features';

export const MODEL_FORMAT = 'newslens-ner';
export const MODEL_VERSION = 1;

export interface NerModelData {
  format: typeof MODEL_FORMAT;
  version: number;
  /** Label names in weight-column order, e.g. ["O", "B-PER", "I-PER", ...]. */
  labels: string[];
  /** Feature strings in row order. */
  features: string[];
  /**
   * Base64 of the rows: per feature, one byte with its entry count, then per entry one byte label
   * index and a little-endian int16 weight in units of `scale`.
   */
  weights: string;
  scale: number;
  /** (labels + 1) x (labels + 1) row-major: row/column `labels.length` is the sentence start/end. */
  transitions: number[];
  /** Lower-cased words per casing bucket, space-separated. */
  casing: Record<CasingBucket, string>;
  /** Word clusters per granularity (coarse first): entry k lists the words of cluster k, space-separated. */
  clusters?: string[][];
  /** Where the model came from; not read by the tagger. */
  info?: Record<string, unknown>;
}

/** The rows of a model in the form decoding reads; row r belongs to model.features[r]. */
export interface WeightRows {
  /** Entries of row r are entryStart[r] .. entryStart[r + 1]. */
  entryStart: Int32Array;
  entryLabel: Uint8Array;
  entryWeight: Float32Array;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export function encodeBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    chunk += ALPHABET[a >> 2] + ALPHABET[((a & 3) << 4) | (b >> 4)];
    chunk += i + 1 < bytes.length ? ALPHABET[((b & 15) << 2) | (c >> 6)] : '=';
    chunk += i + 2 < bytes.length ? ALPHABET[c & 63] : '=';
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

export function decodeBase64(text: string): Uint8Array {
  let len = text.length;
  while (len > 0 && text[len - 1] === '=') len--;
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < len; i++) {
    const v = DECODE[text.charCodeAt(i)];
    if (v < 0) throw new Error('invalid base64 in NER model');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 255;
    }
  }
  return out;
}

export function decodeWeightRows(model: NerModelData): WeightRows {
  const bytes = decodeBase64(model.weights);
  const rows = model.features.length;
  const entryStart = new Int32Array(rows + 1);
  // Entry count first, so the typed arrays are allocated once at their final size.
  let entries = 0;
  for (let r = 0, p = 0; r < rows; r++) {
    const count = bytes[p];
    entries += count;
    p += 1 + 3 * count;
  }
  const entryLabel = new Uint8Array(entries);
  const entryWeight = new Float32Array(entries);
  let p = 0;
  let e = 0;
  for (let r = 0; r < rows; r++) {
    entryStart[r] = e;
    const count = bytes[p++];
    for (let k = 0; k < count; k++, e++) {
      entryLabel[e] = bytes[p];
      const raw = bytes[p + 1] | (bytes[p + 2] << 8);
      entryWeight[e] = (raw >= 32768 ? raw - 65536 : raw) * model.scale;
      p += 3;
    }
  }
  entryStart[rows] = e;
  return { entryStart, entryLabel, entryWeight };
}

/**
 * Quantises dense weights (features x labels, row-major) into the sparse shipped form, dropping
 * weights whose magnitude is below `minWeight` and features left with none.
 */
export function encodeWeightRows(
  featureNames: readonly string[],
  dense: ArrayLike<number>,
  labelCount: number,
  minWeight: number,
): { features: string[]; weights: string; scale: number; entries: number } {
  let maxAbs = 0;
  for (let i = 0; i < dense.length; i++) {
    const v = Math.abs(dense[i]);
    if (v >= minWeight && v > maxAbs) maxAbs = v;
  }
  const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const features: string[] = [];
  const bytes: number[] = [];
  let entries = 0;
  for (let f = 0; f < featureNames.length; f++) {
    const base = f * labelCount;
    const kept: number[] = [];
    for (let y = 0; y < labelCount; y++) {
      const v = dense[base + y];
      if (Math.abs(v) < minWeight) continue;
      const q = Math.round(v / scale);
      if (q !== 0) kept.push(y, q);
    }
    if (!kept.length) continue;
    features.push(featureNames[f]);
    bytes.push(kept.length / 2);
    for (let k = 0; k < kept.length; k += 2) {
      const q = kept[k + 1] & 0xffff;
      bytes.push(kept[k], q & 255, q >> 8);
      entries++;
    }
  }
  return { features, weights: encodeBase64(Uint8Array.from(bytes)), scale, entries };
}

export function casingLexicon(model: NerModelData): Map<string, CasingBucket> {
  const lexicon = new Map<string, CasingBucket>();
  for (const bucket of ['C', 'c', 'm', 'l'] as const) {
    const words = model.casing[bucket];
    if (!words) continue;
    for (const word of words.split(' ')) if (word) lexicon.set(word, bucket);
  }
  return lexicon;
}

/** word -> cluster id per granularity, from the shipped lists. */
export function clusterLookup(lists: string[][] | undefined): Map<string, string[]> {
  const byWord = new Map<string, string[]>();
  if (!lists) return byWord;
  lists.forEach((clusters, g) => {
    clusters.forEach((words, id) => {
      if (!words) return;
      for (const w of words.split(' ')) {
        let ids = byWord.get(w);
        if (!ids) byWord.set(w, (ids = []));
        ids[g] = String(id);
      }
    });
  });
  return byWord;
}
