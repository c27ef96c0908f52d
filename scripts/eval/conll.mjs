// CoNLL-2003 English dev (eng.testa): exact-span PER/ORG/LOC mentions, MISC-covering predictions
// ignored. Each document becomes a .txt file, tokens joined by one space and one sentence a line,
// so gold character offsets follow directly from the token lengths.

import fs from 'node:fs';
import path from 'node:path';
import { ENTITY_TYPES, addCounts, counts, predictedMentions, prf, scoreEntities } from './scoring.mjs';
import { documentsByFile, excerpt, makeTempDir, removeTempDir } from './cli.mjs';

export const title = 'CoNLL-2003 dev';
const REL = 'data/conll2003/eng.testa';

/**
 * IOB1 to spans: I-X continues a span of type X when the previous token of the same sentence is
 * X (I-X or B-X), otherwise it starts one; B-X always starts one (IOB1 uses it only where two
 * spans of the same type touch).
 *
 * @returns {Array<{name: string, text: string, spans: Array<{start, end, type, text}>}>}
 */
export function parseConll(source) {
  const docs = [];
  let doc = null;
  let sentence = [];
  const flushSentence = () => {
    if (!sentence.length) return;
    if (!doc) docs.push((doc = { lines: [], spans: [], offset: 0 }));
    let pos = doc.offset;
    let open = null;
    const close = () => {
      if (open) doc.spans.push(open);
      open = null;
    };
    const words = [];
    for (const [word, tag] of sentence) {
      const start = pos;
      const end = start + word.length;
      pos = end + 1;
      words.push(word);
      const [prefix, type] = tag === 'O' ? ['O', null] : tag.split('-');
      if (!type) {
        close();
      } else if (prefix === 'I' && open && open.type === type) {
        open.end = end;
      } else {
        close();
        open = { start, end, type };
      }
    }
    close();
    const line = words.join(' ');
    doc.lines.push(line);
    doc.offset += line.length + 1;
    sentence = [];
  };
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('-DOCSTART-')) {
      flushSentence();
      docs.push((doc = { lines: [], spans: [], offset: 0 }));
    } else if (line === '') {
      flushSentence();
    } else {
      const cols = line.split(/\s+/);
      sentence.push([cols[0], cols[cols.length - 1]]);
    }
  }
  flushSentence();
  const width = String(docs.length).length;
  return docs
    .filter((d) => d.lines.length)
    .map((d, i) => {
      const text = d.lines.join('\n') + '\n';
      return {
        name: `conll-dev-${String(i + 1).padStart(width, '0')}.txt`,
        text,
        spans: d.spans.map((s) => ({ ...s, text: text.slice(s.start, s.end) })),
      };
    });
}

export async function run({ shared, verbose, runCli }) {
  const file = path.join(shared, REL);
  if (!fs.existsSync(file)) return { skipped: `not found at ${file}` };

  const docs = parseConll(fs.readFileSync(file, 'utf8'));
  const goldPerType = Object.fromEntries(['PER', 'ORG', 'LOC', 'MISC'].map((t) => [t, 0]));
  for (const d of docs) for (const s of d.spans) goldPerType[s.type]++;

  const dir = makeTempDir('conll');
  let result;
  try {
    for (const d of docs) fs.writeFileSync(path.join(dir, d.name), d.text);
    result = await runCli(dir);
  } finally {
    removeTempDir(dir);
  }
  const predicted = documentsByFile(result);

  let byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, counts()]));
  const errors = [];
  let missingDocs = 0;
  for (const d of docs) {
    const doc = predicted.get(d.name);
    if (!doc) missingDocs++;
    const s = scoreEntities(d.spans, predictedMentions(doc));
    for (const t of ENTITY_TYPES) byType[t] = addCounts(byType[t], s.byType[t]);
    if (verbose) {
      for (const p of s.fp) {
        const why = p.goldType ? `gold ${p.goldType}` : 'not a gold span';
        errors.push(`FP ${p.type} ${d.name}:${p.start} ${excerpt(d.text, p.start, p.end)} (${why})`);
      }
      for (const g of s.fn) errors.push(`FN ${g.type} ${d.name}:${g.start} ${excerpt(d.text, g.start, g.end)}`);
    }
  }
  const micro = ENTITY_TYPES.reduce((acc, t) => addCounts(acc, byType[t]), counts());
  const scores = Object.fromEntries([...ENTITY_TYPES.map((t) => [t, prf(byType[t])]), ['micro', prf(micro)]]);

  const notes = [
    `${docs.length} documents; gold spans PER ${goldPerType.PER}, ORG ${goldPerType.ORG}, ` +
      `LOC ${goldPerType.LOC}, MISC ${goldPerType.MISC} (MISC not scored)`,
  ];
  if (missingDocs) notes.push(`${missingDocs} documents missing from the CLI output (scored as no predictions)`);
  return {
    rows: [...ENTITY_TYPES, 'micro'].map((t) => ({ measure: `entities ${t}`, ...scores[t] })),
    json: { documents: docs.length, gold: goldPerType, scores, missingDocs },
    notes,
    errors,
  };
}
