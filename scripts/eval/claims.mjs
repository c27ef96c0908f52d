// Claim P/R/F1 and attribution accuracy over a set of documents, shared by the Syria gold (given
// as offsets) and the seed gold (given as quotes located in the text).

import { addCounts, attributionRight, counts, prf, ratio, scoreClaims } from './scoring.mjs';
import { excerpt, fmtInterval } from './cli.mjs';

/**
 * items: [{file, text, gold: [{quote: {start, end}, category, min, max, uncertain?, sourceText}], doc}]
 * where doc is the CLI's document (undefined when missing).
 */
export function scoreClaimDocuments(items, { verbose = false } = {}) {
  let total = counts();
  let attRight = 0;
  let attTotal = 0;
  let ignored = 0;
  const byCategory = {};
  const errors = [];
  for (const { file, text, gold, doc } of items) {
    const r = scoreClaims(gold, doc?.claims ?? []);
    total = addCounts(total, r.counts);
    ignored += r.ignored;
    const bump = (cat, key) => {
      byCategory[cat] ??= counts();
      byCategory[cat][key]++;
    };
    for (const [g] of r.pairs) bump(g.category, 'tp');
    for (const g of r.missed) bump(g.category, 'fn');
    for (const p of r.spurious) bump(p.category, 'fp');
    for (const [g, p] of r.pairs) {
      attTotal++;
      const ok = attributionRight(g.sourceText, p);
      if (ok) attRight++;
      else if (verbose) {
        const got = p.attribution ? `"${p.attribution.source?.text}"` : 'none';
        errors.push(`ATTR ${file}:${p.start} "${p.text}": gold source "${g.sourceText || ''}", got ${got}`);
      }
    }
    if (verbose) {
      for (const g of r.missed) {
        // Say what the tool did read there, if anything: usually the interval or category differs.
        const near = (doc?.claims ?? [])
          .filter((p) => p.start < g.quote.end && g.quote.start < p.end)
          .map((p) => `${p.category} ${fmtInterval(p.count?.min, p.count?.max)}`);
        errors.push(
          `FN ${file}:${g.quote.start} ${g.category} ${fmtInterval(g.min, g.max)} ` +
            `${excerpt(text, g.quote.start, g.quote.end, 20)}${near.length ? ` (tool read: ${near.join(', ')})` : ''}`,
        );
      }
      for (const p of r.spurious) {
        errors.push(
          `FP ${file}:${p.start} ${p.category} ${fmtInterval(p.count?.min, p.count?.max)} ${excerpt(text, p.start, p.end, 20)}`,
        );
      }
    }
  }
  return {
    claims: prf(total),
    byCategory: Object.fromEntries(Object.entries(byCategory).sort().map(([k, v]) => [k, prf(v)])),
    attribution: ratio(attRight, attTotal),
    ignored,
    errors,
  };
}
