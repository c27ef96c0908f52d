// Gun Violence Archive dev: the number killed (injured) an article reports is the largest
// count.min among its killed (injured) claims, 0 when none; accuracy is exact equality.

import fs from 'node:fs';
import path from 'node:path';
import { articleCount, ratio } from './scoring.mjs';
import { documentsByFile, fmtInterval } from './cli.mjs';

export const title = 'GVA dev';
const REL = 'data/gva-dev';
const FIELDS = { killed: 'n_killed', injured: 'n_injured' };

/**
 * Accuracy of the article-level counts and of the always-0 baseline, per category.
 * gold: {file: {n_killed, n_injured}}; predicted: Map(file -> CLI document).
 */
export function scoreCounts(gold, predicted) {
  const out = {};
  for (const [category, field] of Object.entries(FIELDS)) {
    let right = 0;
    let baseline = 0;
    const wrong = [];
    const files = Object.keys(gold).sort();
    for (const file of files) {
      const want = gold[file][field];
      const got = articleCount(predicted.get(file), category);
      if (got === want) right++;
      else wrong.push({ file, want, got });
      if (want === 0) baseline++;
    }
    out[category] = { ...ratio(right, files.length), baseline: ratio(baseline, files.length).acc, wrong };
  }
  return out;
}

export async function run({ shared, verbose, runCli }) {
  const root = path.join(shared, REL);
  const articles = path.join(root, 'articles');
  const goldFile = path.join(root, 'gold.json');
  if (!fs.existsSync(articles) || !fs.existsSync(goldFile)) return { skipped: `not found at ${root}` };

  const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8'));
  // The articles folder holds only the articles, so the CLI reads it in place.
  const predicted = documentsByFile(await runCli(articles));
  const scores = scoreCounts(gold, predicted);

  const errors = [];
  if (verbose) {
    for (const category of Object.keys(FIELDS)) {
      for (const w of scores[category].wrong) {
        const claims = (predicted.get(w.file)?.claims ?? [])
          .filter((c) => c.category === category)
          .map((c) => `"${c.text}" ${fmtInterval(c.count?.min, c.count?.max)}`);
        errors.push(`${category} ${w.file}: gold ${w.want}, got ${w.got}${claims.length ? ` from ${claims.join('; ')}` : ''}`);
      }
    }
  }
  const missingDocs = Object.keys(gold).filter((f) => !predicted.has(f)).length;
  const row = (category) => {
    const s = scores[category];
    return {
      measure: `${category} count accuracy`,
      acc: s.acc,
      detail: `${s.right}/${s.total}, always-0 baseline ${s.baseline.toFixed(3)}`,
    };
  };
  return {
    rows: [row('killed'), row('injured')],
    json: Object.fromEntries(
      Object.entries(scores).map(([k, v]) => [k, { acc: v.acc, right: v.right, total: v.total, baseline: v.baseline }]),
    ),
    notes: [
      `${Object.keys(gold).length} articles`,
      ...(missingDocs ? [`${missingDocs} articles missing from the CLI output (counted as 0)`] : []),
    ],
    errors,
  };
}
