// Syria dev gold (eval/gold/syria/*.json, offsets into ../shared/corpus/syria): claims,
// attribution of matched claims, and casualty conflicts within each cluster.
//
// The CLI runs once per cluster, over a temp folder holding copies of just that cluster's
// articles: the held-out evaluation groups articles the same way (same date and location), and
// conflicts are only looked for among the articles of one call, so one call over every cluster
// would let the tool flag cross-cluster "conflicts" that the gold never lists. Copies rather than
// symlinks, because a folder walker may skip symlinks.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ratio, scoreConflicts } from './scoring.mjs';
import { scoreClaimDocuments } from './claims.mjs';
import { REPO_ROOT, documentsByFile, excerpt, fileKey, makeTempDir, mapLimit, readText, removeTempDir } from './cli.mjs';

export const title = 'Syria dev';
// NEWSLENS_SYRIA_GOLD scores against another gold folder (a draft, a constructed test case).
const GOLD_DIR = process.env.NEWSLENS_SYRIA_GOLD
  ? path.resolve(process.env.NEWSLENS_SYRIA_GOLD)
  : path.join(REPO_ROOT, 'eval', 'gold', 'syria');
const CORPUS_REL = 'corpus/syria';

const range = (pair) => (Array.isArray(pair) ? { start: pair[0], end: pair[1] } : null);
const validRange = (r, text) => r && Number.isInteger(r.start) && Number.isInteger(r.end) && 0 <= r.start && r.start < r.end && r.end <= text.length;

/**
 * A cluster's gold in the shape the scorers take, plus what was wrong with it (out-of-range
 * offsets, missing articles, conflicts naming unknown claims), so that half-built gold still
 * scores what it can.
 */
export function loadCluster(gold, readArticle) {
  const problems = [];
  const articles = [];
  const claims = new Map();
  for (const a of gold.articles ?? []) {
    const text = readArticle(a.file);
    if (text === null) {
      problems.push(`${a.file}: article not found`);
      continue;
    }
    const goldClaims = [];
    for (const c of a.claims ?? []) {
      const quote = range(c.quote);
      if (!validRange(quote, text)) {
        problems.push(`${a.file} ${c.id}: quote ${JSON.stringify(c.quote)} outside the text`);
        continue;
      }
      const source = range(c.source);
      const claim = {
        id: c.id,
        quote,
        category: c.category,
        min: c.min,
        max: c.max ?? null,
        uncertain: c.uncertain === true,
        sourceText: validRange(source, text) ? text.slice(source.start, source.end) : '',
      };
      goldClaims.push(claim);
      claims.set(`${a.file}#${c.id}`, { file: a.file, quote, uncertain: claim.uncertain });
    }
    articles.push({ file: a.file, text, gold: goldClaims });
  }
  const partners = new Map();
  for (const c of gold.conflicts ?? []) {
    const ka = `${c.a?.file}#${c.a?.claim}`;
    const kb = `${c.b?.file}#${c.b?.claim}`;
    const unknown = [ka, kb].filter((k) => !claims.has(k));
    if (unknown.length) {
      problems.push(`conflict names unknown claim ${unknown.join(', ')}`);
      continue;
    }
    for (const [x, y] of [[ka, kb], [kb, ka]]) {
      if (!partners.has(x)) partners.set(x, new Set());
      partners.get(x).add(y);
    }
  }
  return { name: gold.cluster ?? '?', articles, conflicts: { claims, partners }, problems };
}

/** The document's `casualty-conflict` diagnostics, with related paths reduced to file names. */
export function conflictDiagnostics(doc) {
  return (doc?.diagnostics ?? [])
    .filter((d) => d.code === 'casualty-conflict')
    .map((d) => ({
      file: fileKey(doc.path),
      start: d.start,
      end: d.end,
      message: d.message,
      related: (d.related ?? []).map((r) => ({ file: fileKey(r.path), start: r.start, end: r.end })),
    }));
}

export async function run({ shared, verbose, runCli }) {
  const corpus = path.join(shared, CORPUS_REL);
  if (!fs.existsSync(corpus)) return { skipped: `not found at ${corpus}` };
  if (!fs.existsSync(GOLD_DIR)) return { skipped: `not found at ${GOLD_DIR}` };
  const goldFiles = fs.readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort();
  if (!goldFiles.length) return { skipped: `no gold cluster files in ${GOLD_DIR}` };

  const readArticle = (file) => {
    const p = path.join(corpus, path.basename(file));
    return fs.existsSync(p) ? readText(p) : null;
  };
  const problems = [];
  const clusters = [];
  for (const f of goldFiles) {
    try {
      const c = loadCluster(JSON.parse(fs.readFileSync(path.join(GOLD_DIR, f), 'utf8')), readArticle);
      problems.push(...c.problems.map((p) => `${f}: ${p}`));
      if (c.articles.length) clusters.push({ goldFile: f, ...c });
    } catch (err) {
      problems.push(`${f}: unreadable (${err.message})`);
    }
  }

  const failures = [];
  const base = makeTempDir('syria');
  let outputs;
  try {
    outputs = await mapLimit(clusters, Math.max(1, os.availableParallelism?.() ?? os.cpus().length), async (c, i) => {
      const dir = path.join(base, `cluster-${String(i + 1).padStart(3, '0')}`);
      fs.mkdirSync(dir);
      for (const a of c.articles) fs.copyFileSync(path.join(corpus, path.basename(a.file)), path.join(dir, path.basename(a.file)));
      // One cluster the tool chokes on should not hide the scores of the others; it is scored as
      // no predictions and makes the run fail.
      try {
        return documentsByFile(await runCli(dir));
      } catch (err) {
        failures.push(`${c.goldFile}: ${err.message}`);
        return new Map();
      }
    });
  } finally {
    removeTempDir(base);
  }

  const items = [];
  let flagged = 0;
  let conflicting = 0;
  let diagRight = 0;
  let diagTotal = 0;
  const conflictErrors = [];
  clusters.forEach((c, i) => {
    const predicted = outputs[i];
    const texts = new Map(c.articles.map((a) => [a.file, a.text]));
    for (const a of c.articles) items.push({ ...a, doc: predicted.get(path.basename(a.file)) });
    const diagnostics = c.articles.flatMap((a) => conflictDiagnostics(predicted.get(path.basename(a.file))));
    const s = scoreConflicts(c.conflicts, diagnostics);
    flagged += s.recall.right;
    conflicting += s.recall.total;
    diagRight += s.precision.right;
    diagTotal += s.precision.total;
    if (verbose) {
      const where = (file, r) => `${file}:${r.start} ${texts.has(file) ? excerpt(texts.get(file), r.start, r.end, 15) : ''}`;
      for (const key of s.unflagged) {
        const claim = c.conflicts.claims.get(key);
        const partners = [...c.conflicts.partners.get(key)].map((k) => c.conflicts.claims.get(k)).map((p) => where(p.file, p.quote));
        conflictErrors.push(`CONFLICT-FN [${c.name}] ${where(claim.file, claim.quote)} vs ${partners.join(' | ')}`);
      }
      for (const d of s.wrong) {
        const rel = d.related.map((r) => where(r.file, r)).join(' | ') || 'no related location';
        conflictErrors.push(`CONFLICT-FP [${c.name}] ${where(d.file, d)} -> ${rel}`);
      }
    }
  });

  const scored = scoreClaimDocuments(items, { verbose });
  const recall = ratio(flagged, conflicting);
  const precision = ratio(diagRight, diagTotal);
  const f1 =
    recall.acc === null || precision.acc === null
      ? null
      : recall.acc + precision.acc === 0
        ? 0
        : (2 * recall.acc * precision.acc) / (recall.acc + precision.acc);

  const goldClaims = items.reduce((n, it) => n + it.gold.filter((g) => !g.uncertain).length, 0);
  const uncertainClaims = items.reduce((n, it) => n + it.gold.filter((g) => g.uncertain).length, 0);
  const notes = [
    `${clusters.length} clusters (one CLI call each), ${items.length} articles, ${goldClaims} gold claims ` +
      `(+${uncertainClaims} uncertain; ${scored.ignored} predictions on them ignored), ${conflicting} conflicting gold claims`,
  ];
  if (problems.length) notes.push(`gold problems (${problems.length}): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`);
  if (failures.length) notes.push(`CLI failed on ${failures.length} clusters (scored as no predictions): ${failures.join('; ')}`);
  const missingDocs = items.filter((it) => !it.doc).length;
  if (missingDocs) notes.push(`${missingDocs} articles missing from the CLI output (scored as no predictions)`);

  return {
    rows: [
      { measure: 'claims', ...scored.claims },
      ...Object.entries(scored.byCategory).map(([cat, s]) => ({ measure: `  claims ${cat}`, ...s })),
      {
        measure: 'claim attribution accuracy',
        acc: scored.attribution.acc,
        detail: `${scored.attribution.right}/${scored.attribution.total} matched claims`,
      },
      {
        measure: 'conflicts',
        p: precision.acc,
        r: recall.acc,
        f1,
        detail: `${flagged}/${conflicting} gold conflicting claims flagged, ${diagRight}/${diagTotal} diagnostics right`,
      },
    ],
    json: {
      clusters: clusters.length,
      articles: items.length,
      claims: scored.claims,
      byCategory: scored.byCategory,
      attribution: scored.attribution,
      conflicts: { recall, precision, f1 },
      problems,
      failures,
    },
    notes,
    failed: failures.length > 0,
    errors: [...scored.errors, ...conflictErrors],
  };
}
