// The three seed articles (../shared/seeds) with their reference readings in seeds/gold/*.json.
// That gold gives quotes rather than offsets, so each quote is located in the article first.

import fs from 'node:fs';
import path from 'node:path';
import { matchOneToOne, ratio, sharesContentWord } from './scoring.mjs';
import { scoreClaimDocuments } from './claims.mjs';
import { documentsByFile, makeTempDir, readText, removeTempDir } from './cli.mjs';

export const title = 'Seeds';
const REL = 'seeds';

/**
 * Gold claims with offsets: the first occurrence of the quote. Quotes that do not occur are
 * reported rather than dropped silently, since they would otherwise inflate precision.
 */
export function locateClaims(text, claims) {
  const located = [];
  const problems = [];
  for (const c of claims ?? []) {
    const at = text.indexOf(c.quote);
    if (at < 0) {
      problems.push(`quote not found: "${c.quote}"`);
      continue;
    }
    located.push({
      quote: { start: at, end: at + c.quote.length },
      category: c.category,
      min: c.min,
      max: c.max ?? null,
      uncertain: c.uncertain === true,
      sourceText: c.source ?? '',
    });
  }
  return { located, problems };
}

/**
 * Recall of the listed attributions, matched by text only (the list has no offsets): a predicted
 * attribution whose source shares a content word with the gold source and whose cue is the same
 * words. Precision is not reported because the list is examples, not every attribution.
 */
export function attributionRecall(goldAttributions, predAttributions) {
  const norm = (s) => (s ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
  const m = matchOneToOne(goldAttributions, predAttributions, (g, p) =>
    sharesContentWord(g.source, p.source?.text) && norm(g.cue) === norm(p.cue?.text),
  );
  return { ...ratio(m.pairs.length, goldAttributions.length), missed: goldAttributions.filter((_, i) => !m.goldMatched[i]) };
}

export async function run({ shared, verbose, runCli }) {
  const root = path.join(shared, REL);
  const goldDir = path.join(root, 'gold');
  if (!fs.existsSync(goldDir)) return { skipped: `not found at ${goldDir}` };

  const golds = fs
    .readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8')));
  const dir = makeTempDir('seeds');
  let predicted;
  try {
    // Only the articles: the seeds folder also holds README.md and the gold.
    for (const g of golds) fs.copyFileSync(path.join(root, g.file), path.join(dir, g.file));
    predicted = documentsByFile(await runCli(dir));
  } finally {
    removeTempDir(dir);
  }

  const problems = [];
  const items = [];
  let attRight = 0;
  let attTotal = 0;
  const attErrors = [];
  for (const g of golds) {
    const text = readText(path.join(root, g.file));
    const { located, problems: p } = locateClaims(text, g.claims);
    problems.push(...p.map((x) => `${g.file}: ${x}`));
    const doc = predicted.get(g.file);
    items.push({ file: g.file, text, gold: located, doc });
    const a = attributionRecall(g.attributions ?? [], doc?.attributions ?? []);
    attRight += a.right;
    attTotal += a.total;
    if (verbose) for (const m of a.missed) attErrors.push(`ATTR-FN ${g.file}: ${m.source} / ${m.cue} / "${m.about}"`);
  }
  const scored = scoreClaimDocuments(items, { verbose });
  const attribution = ratio(attRight, attTotal);
  const notes = [`${items.length} articles, ${items.reduce((n, it) => n + it.gold.length, 0)} gold claims`];
  if (problems.length) notes.push(`gold problems: ${problems.join('; ')}`);
  return {
    rows: [
      { measure: 'claims', ...scored.claims },
      {
        measure: 'claim attribution accuracy',
        acc: scored.attribution.acc,
        detail: `${scored.attribution.right}/${scored.attribution.total} matched claims`,
      },
      {
        measure: 'listed attributions found',
        r: attribution.acc,
        detail: `${attRight}/${attTotal} by source+cue text`,
      },
    ],
    json: { claims: scored.claims, attribution: scored.attribution, listedAttributions: attribution, problems },
    notes,
    errors: [...scored.errors, ...attErrors],
  };
}
