// PolNeAR dev: brat `Source` and `Cue` spans against the tool's `attributions[].source` / `.cue`,
// found when they overlap by one character or more, one-to-one.

import fs from 'node:fs';
import path from 'node:path';
import { addCounts, counts, prf, scoreOverlapSpans } from './scoring.mjs';
import { documentsByFile, excerpt, readText } from './cli.mjs';

export const title = 'PolNeAR dev';
const REL = 'data/polnear/dev';

/**
 * Text-bound annotations of the given types from a brat .ann file. Discontinuous spans
 * ("315 448;463 553") keep every fragment, and overlap with any fragment counts.
 *
 * @returns {Array<{id, type, fragments: Array<{start, end}>, text}>}
 */
export function parseBrat(ann, types = ['Source', 'Cue']) {
  const out = [];
  for (const line of ann.split(/\r?\n/)) {
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$/.exec(line);
    if (!m || !types.includes(m[2])) continue;
    const fragments = m[3].split(';').map((f) => {
      const [start, end] = f.trim().split(/\s+/).map(Number);
      return { start, end };
    });
    out.push({ id: m[1], type: m[2], fragments, text: m[4] });
  }
  return out;
}

/** The brat text of a span is its fragments joined by one space; anything else means the
 *  offsets do not index the text as Node reads it. */
function spanText(text, span) {
  return span.fragments.map((f) => text.slice(f.start, f.end)).join(' ');
}

/**
 * Some articles were annotated by several annotators (files <article>_<annotator>.ann).
 * Scoring against all of them would weigh those articles several times and merging them would
 * double their spans, so each article keeps its first annotation in file-name order.
 */
export function pickAnnotations(annFiles) {
  const byArticle = new Map();
  for (const f of [...annFiles].sort()) {
    const article = f.replace(/_[0-9a-f]{4}\.ann$/, '').replace(/\.ann$/, '');
    if (!byArticle.has(article)) byArticle.set(article, f);
  }
  return byArticle;
}

export async function run({ shared, verbose, runCli }) {
  const root = path.join(shared, REL);
  const textDir = path.join(root, 'text');
  const annDir = path.join(root, 'attributions');
  if (!fs.existsSync(textDir) || !fs.existsSync(annDir)) return { skipped: `not found at ${root}` };

  const annFiles = fs.readdirSync(annDir).filter((f) => f.endsWith('.ann'));
  const chosen = pickAnnotations(annFiles);
  // The text folder holds only the articles, so the CLI reads it in place: no copy needed.
  const result = await runCli(textDir);
  const predicted = documentsByFile(result);

  let source = counts();
  let cue = counts();
  let offsetMismatches = 0;
  let goldSpans = 0;
  let missingDocs = 0;
  let articles = 0;
  const errors = [];
  for (const [article, annFile] of chosen) {
    const file = `${article}.txt`;
    if (!fs.existsSync(path.join(textDir, file))) continue;
    articles++;
    const text = readText(path.join(textDir, file));
    const gold = parseBrat(fs.readFileSync(path.join(annDir, annFile), 'utf8'));
    for (const g of gold) {
      goldSpans++;
      if (spanText(text, g) !== g.text) offsetMismatches++;
    }
    const doc = predicted.get(file);
    if (!doc) missingDocs++;
    const atts = doc?.attributions ?? [];
    const s = scoreOverlapSpans(
      gold.filter((g) => g.type === 'Source'),
      atts.map((a) => a.source).filter(Boolean),
    );
    const c = scoreOverlapSpans(
      gold.filter((g) => g.type === 'Cue'),
      atts.map((a) => a.cue).filter(Boolean),
    );
    source = addCounts(source, s.counts);
    cue = addCounts(cue, c.counts);
    if (verbose) {
      for (const [label, r] of [['source', s], ['cue', c]]) {
        for (const g of r.missed) {
          const f = g.fragments[0];
          errors.push(`FN ${label} ${file}:${f.start} ${excerpt(text, f.start, g.fragments.at(-1).end)}`);
        }
        for (const p of r.spurious) errors.push(`FP ${label} ${file}:${p.start} ${excerpt(text, p.start, p.end)}`);
      }
    }
  }

  const notes = [
    `${articles} articles (${annFiles.length} .ann files; multiply annotated articles use their first annotation); ` +
      `gold Source ${source.tp + source.fn}, Cue ${cue.tp + cue.fn}`,
  ];
  if (offsetMismatches) notes.push(`${offsetMismatches} of ${goldSpans} brat spans do not match the text at their offsets`);
  if (missingDocs) notes.push(`${missingDocs} documents missing from the CLI output (scored as no predictions)`);
  const scores = { source: prf(source), cue: prf(cue) };
  return {
    rows: [
      { measure: 'attribution source', ...scores.source },
      { measure: 'attribution cue', ...scores.cue },
    ],
    json: { articles, scores, offsetMismatches, missingDocs },
    notes,
    errors,
  };
}
