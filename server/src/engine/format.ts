// Human-readable descriptions of engine data, shared by diagnostics, hovers and lenses.

import { CasualtyCategory } from './types';

interface Interval {
  min: number;
  max: number | null;
}

export function intervalsOverlap(a: Interval, b: Interval): boolean {
  const aMax = a.max ?? Infinity;
  const bMax = b.max ?? Infinity;
  return a.min <= bMax && b.min <= aMax;
}

/** "34", "at least 8", "3,150 to 3,850", "up to 16". */
export function describeInterval(interval: Interval): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (interval.max === null) return `at least ${fmt(interval.min)}`;
  if (interval.min === interval.max) return fmt(interval.min);
  if (interval.min === 0) return `up to ${fmt(interval.max)}`;
  return `${fmt(interval.min)} to ${fmt(interval.max)}`;
}

/** "[8, ∞)" style interval notation for hovers. */
export function intervalNotation(interval: Interval): string {
  return interval.max === null ? `${interval.min}..∞` : `${interval.min}..${interval.max}`;
}

const CATEGORY_LABEL: Record<CasualtyCategory, string> = {
  killed: 'Killed',
  injured: 'Injured',
  missing: 'Missing',
  arrested: 'Arrested',
};

export function categoryLabel(category: CasualtyCategory): string {
  return CATEGORY_LABEL[category];
}

/** "Killed: at least 26 (Syrian authorities)". */
/** What describeClaim reads: a CasualtyClaim has it, and so has the conflict index's copy of one. */
export interface DescribedClaim {
  category: CasualtyCategory;
  count: Interval;
  attribution: { source: { text: string } } | null;
}

export function describeClaim(claim: DescribedClaim): string {
  const source = claim.attribution ? ` (${claim.attribution.source.text})` : '';
  return `${categoryLabel(claim.category)}: ${describeInterval(claim.count)}${source}`;
}
