// Exact-span scoring as the project scores entities (scripts/eval/scoring.mjs): a prediction is right
// when start, end and type equal a gold PER/ORG/LOC span; one exactly covering a gold MISC span is
// neither right nor wrong; predicted MISC spans are not scored; micro is over PER, ORG and LOC.

import { EntitySpan } from './labels';

export interface SpanCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface SpanScores {
  p: number;
  r: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export const SCORED_TYPES = ['PER', 'ORG', 'LOC'] as const;

export function spanScores(c: SpanCounts): SpanScores {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0, ...c };
}

/** Per type (PER, ORG, LOC, and MISC scored on its own for information) plus "micro" over PER/ORG/LOC. */
export function scoreSpans(
  gold: readonly (readonly EntitySpan[])[],
  predicted: readonly (readonly EntitySpan[])[],
): Record<string, SpanScores> {
  const counts: Record<string, SpanCounts> = {};
  for (const t of [...SCORED_TYPES, 'MISC']) counts[t] = { tp: 0, fp: 0, fn: 0 };
  const key = (s: EntitySpan) => `${s.start}:${s.end}`;
  for (let k = 0; k < gold.length; k++) {
    const goldByKey = new Map<string, EntitySpan>();
    for (const g of gold[k]) goldByKey.set(key(g), g);
    const found = new Set<string>();
    for (const p of predicted[k]) {
      const g = goldByKey.get(key(p));
      if (g && g.label === p.label && !found.has(key(p))) {
        found.add(key(p));
        counts[p.label].tp++;
      } else if (p.label !== 'MISC' && g && g.label === 'MISC') {
        continue;
      } else {
        counts[p.label].fp++;
      }
    }
    for (const g of gold[k]) if (!found.has(key(g))) counts[g.label].fn++;
  }
  const micro: SpanCounts = { tp: 0, fp: 0, fn: 0 };
  for (const t of SCORED_TYPES) {
    micro.tp += counts[t].tp;
    micro.fp += counts[t].fp;
    micro.fn += counts[t].fn;
  }
  const out: Record<string, SpanScores> = {};
  for (const t of Object.keys(counts)) out[t] = spanScores(counts[t]);
  out.micro = spanScores(micro);
  return out;
}
