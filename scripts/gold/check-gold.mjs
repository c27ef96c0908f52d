#!/usr/bin/env node
// Validates the hand-annotated dev gold set in eval/gold/syria/*.json against the
// articles in ../shared/corpus/syria/ (relative to the repo root), and prints a summary.
//
//   node scripts/gold/check-gold.mjs          validate + summary
//   node scripts/gold/check-gold.mjs --show   also print every claim's spans, read from the article at run time
//
// The gold files hold character offsets only (JavaScript string indices, i.e. UTF-16 code units,
// into the article text as read with fs.readFileSync(path, 'utf8') with a leading BOM removed;
// end exclusive), never article text. Exits 1 with one line per problem on any error.
// Plain Node ESM, no dependencies.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const goldDir = path.join(repoRoot, 'eval', 'gold', 'syria');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus', 'syria');
const show = process.argv.includes('--show');

const CATEGORIES = ['killed', 'injured', 'missing', 'arrested'];
const errors = [];
const err = (where, msg) => errors.push(`${where}: ${msg}`);

function readArticle(file) {
  let t = fs.readFileSync(path.join(corpusDir, file), 'utf8');
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  return t;
}

function loadMetadata() {
  const p = path.join(corpusDir, 'metadata.tsv');
  const meta = new Map();
  if (!fs.existsSync(p)) return meta;
  const lines = fs.readFileSync(p, 'utf8').split(/\r?\n/);
  const head = lines[0].split('\t');
  const iF = head.indexOf('file'), iD = head.indexOf('date'), iL = head.indexOf('location');
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const c = line.split('\t');
    const [m, d, y] = (c[iD] || '').split('/').map(Number);
    const iso = y ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : '';
    meta.set(c[iF], { date: iso, location: c[iL] });
  }
  return meta;
}

const isInt = (x) => Number.isInteger(x);
function checkRange(where, name, r, text, nullable) {
  if (r === null && nullable) return true;
  if (!Array.isArray(r) || r.length !== 2 || !isInt(r[0]) || !isInt(r[1])) {
    err(where, `${name} must be [start, end] integers${nullable ? ' or null' : ''}`);
    return false;
  }
  if (r[0] < 0 || r[1] > text.length || r[0] >= r[1]) {
    err(where, `${name} [${r[0]}, ${r[1]}] is empty or outside the text (length ${text.length})`);
    return false;
  }
  if (!text.slice(r[0], r[1]).trim()) {
    err(where, `${name} [${r[0]}, ${r[1]}] covers only whitespace`);
    return false;
  }
  return true;
}

const overlaps = (a, b) => a.min <= (b.max ?? Infinity) && b.min <= (a.max ?? Infinity);
const fmt = (c) => `${c.min}..${c.max ?? 'inf'}`;
const span = (t, r) => (r ? JSON.stringify(t.slice(r[0], r[1])) : '-');

// A note or event label must be the annotator's own words: flag any run of 6 words copied from the article.
function copiesArticle(s, text) {
  const norm = (x) => x.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const words = norm(s).split(' ').filter(Boolean);
  if (words.length < 6) return null;
  const body = ` ${norm(text)} `;
  for (let i = 0; i + 6 <= words.length; i++) {
    const run = words.slice(i, i + 6).join(' ');
    if (body.includes(` ${run} `)) return run;
  }
  return null;
}

if (!fs.existsSync(goldDir)) {
  console.error(`gold folder not found: ${goldDir}`);
  process.exit(1);
}
if (!fs.existsSync(corpusDir)) {
  console.error(`corpus folder not found: ${corpusDir}`);
  process.exit(1);
}

const meta = loadMetadata();
const files = fs.readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort();
if (!files.length) err(goldDir, 'no gold .json files');

const stats = { clusters: 0, articles: 0, claims: 0, uncertain: 0, byCat: Object.fromEntries(CATEGORIES.map((c) => [c, 0])), conflicts: 0, consistent: 0, conflictClaims: 0 };
const seenArticles = new Map();
const perCluster = [];
let singles = 0;

for (const gf of files) {
  const where0 = gf;
  let g;
  try {
    g = JSON.parse(fs.readFileSync(path.join(goldDir, gf), 'utf8'));
  } catch (e) {
    err(where0, `invalid JSON (${e.message})`);
    continue;
  }
  stats.clusters++;
  for (const k of ['cluster', 'date', 'location']) if (typeof g[k] !== 'string' || !g[k]) err(where0, `missing string field "${k}"`);
  if (g.date && !/^\d{4}-\d{2}-\d{2}$/.test(g.date)) err(where0, `date "${g.date}" is not yyyy-mm-dd`);
  if (g.cluster !== `${g.date} ${g.location}`) err(where0, `cluster "${g.cluster}" should be "${g.date} ${g.location}"`);
  const slug = String(g.location || '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  if (gf !== `${g.date}_${slug}.json`) err(where0, `file name should be ${g.date}_${slug}.json`);
  if (!Array.isArray(g.articles) || !g.articles.length) { err(where0, 'articles must be a non-empty array'); continue; }
  for (const k of ['conflicts', 'consistent_pairs_example']) if (!Array.isArray(g[k])) { err(where0, `${k} must be an array`); g[k] = []; }
  if (g.consistent_pairs_example.length > 3) err(where0, 'consistent_pairs_example holds more than 3 pairs');

  const claims = new Map(); // `${file}#${id}` -> claim
  const texts = new Map();
  let nClaims = 0;
  for (const a of g.articles) {
    const file = a && a.file;
    if (typeof file !== 'string' || !file.endsWith('.txt')) { err(where0, 'article without a .txt "file"'); continue; }
    const where1 = `${gf} ${file}`;
    if (seenArticles.has(file)) err(where1, `article also annotated in ${seenArticles.get(file)}`);
    seenArticles.set(file, gf);
    if (!fs.existsSync(path.join(corpusDir, file))) { err(where1, 'article not found in corpus'); continue; }
    const text = readArticle(file);
    texts.set(file, text);
    stats.articles++;
    const m = meta.get(file);
    if (meta.size && !m) err(where1, 'article not listed in metadata.tsv');
    if (m && (m.date !== g.date || m.location !== g.location)) err(where1, `metadata says ${m.date} ${m.location}, not this cluster`);
    if (!Array.isArray(a.claims)) { err(where1, 'claims must be an array'); continue; }
    if (show) console.log(`\n== ${g.cluster} | ${file} (${a.claims.length} claims)`);
    const ids = new Set();
    for (const c of a.claims) {
      const where = `${where1} ${c && c.id}`;
      if (!c || typeof c.id !== 'string' || !c.id) { err(where1, 'claim without a string id'); continue; }
      if (ids.has(c.id)) err(where, 'duplicate claim id');
      ids.add(c.id);
      const okQ = checkRange(where, 'quote', c.quote, text, false);
      const okC = checkRange(where, 'count', c.count, text, false);
      if (okQ && okC && (c.count[0] < c.quote[0] || c.count[1] > c.quote[1])) err(where, 'count lies outside quote');
      checkRange(where, 'victims', c.victims, text, true);
      checkRange(where, 'source', c.source, text, true);
      checkRange(where, 'cue', c.cue, text, true);
      if (!CATEGORIES.includes(c.category)) err(where, `category "${c.category}" is not one of ${CATEGORIES.join('|')}`);
      if (!isInt(c.min) || c.min < 0) err(where, 'min must be a non-negative integer');
      if (!(c.max === null || (isInt(c.max) && c.max >= c.min))) err(where, 'max must be null or an integer >= min');
      if (typeof c.event !== 'string' || !c.event.trim()) err(where, 'event label missing');
      else { const run = copiesArticle(c.event, text); if (run) err(where, `event label copies article words ("${run}")`); }
      if ('uncertain' in c && c.uncertain !== true) err(where, 'uncertain must be true when present (omit otherwise)');
      const known = new Set(['id', 'quote', 'count', 'category', 'min', 'max', 'victims', 'event', 'source', 'cue', 'uncertain']);
      for (const k of Object.keys(c)) if (!known.has(k)) err(where, `unknown field "${k}"`);
      for (const k of ['quote', 'count', 'category', 'min', 'max', 'victims', 'event', 'source', 'cue']) if (!(k in c)) err(where, `missing field "${k}"`);
      claims.set(`${file}#${c.id}`, c);
      nClaims++;
      stats.claims++;
      if (c.uncertain) stats.uncertain++;
      if (CATEGORIES.includes(c.category)) stats.byCat[c.category]++;
      if (show && okQ) {
        console.log(`  ${c.id.padEnd(4)} ${String(c.category).padEnd(8)} ${fmt(c).padEnd(14)} ${span(text, c.quote)}${c.uncertain ? '  [uncertain]' : ''}`);
        console.log(`       count=${span(text, c.count)} victims=${span(text, c.victims)} source=${span(text, c.source)} cue=${span(text, c.cue)}`);
        console.log(`       event: ${c.event}`);
      }
    }
  }

  const resolve = (ref, where) => {
    if (!ref || typeof ref.file !== 'string' || typeof ref.claim !== 'string') { err(where, 'reference must be {"file", "claim"}'); return null; }
    const c = claims.get(`${ref.file}#${ref.claim}`);
    if (!c) err(where, `no claim ${ref.claim} in ${ref.file} within this cluster`);
    return c || null;
  };
  const seenPairs = new Set();
  const partners = new Set();
  if (show && g.conflicts.length) console.log(`\n-- conflicts in ${g.cluster}`);
  g.conflicts.forEach((p, i) => {
    const where = `${gf} conflicts[${i}]`;
    const a = resolve(p && p.a, where), b = resolve(p && p.b, where);
    if (typeof (p && p.note) !== 'string' || !p.note.trim()) err(where, 'note missing');
    else for (const f of [p.a && p.a.file, p.b && p.b.file]) {
      const t = texts.get(f);
      const run = t && copiesArticle(p.note, t);
      if (run) err(where, `note copies article words ("${run}")`);
    }
    if (!a || !b) return;
    const key = [`${p.a.file}#${p.a.claim}`, `${p.b.file}#${p.b.claim}`].sort().join('|');
    if (p.a.file === p.b.file && p.a.claim === p.b.claim) err(where, 'a claim cannot conflict with itself');
    if (seenPairs.has(key)) err(where, 'pair listed twice');
    seenPairs.add(key);
    if (a.category !== b.category) err(where, `categories differ (${a.category} vs ${b.category})`);
    if (a.event !== b.event) err(where, `event labels differ ("${a.event}" vs "${b.event}")`);
    if (overlaps(a, b)) err(where, `intervals overlap (${fmt(a)} vs ${fmt(b)})`);
    partners.add(`${p.a.file}#${p.a.claim}`); partners.add(`${p.b.file}#${p.b.claim}`);
    if (show) {
      const ta = texts.get(p.a.file), tb = texts.get(p.b.file);
      console.log(`  ${p.a.file.slice(0, 9)} ${p.a.claim} ${fmt(a)} ${span(ta, a.quote)}  <->  ${p.b.file.slice(0, 9)} ${p.b.claim} ${fmt(b)} ${span(tb, b.quote)}`);
    }
  });
  g.consistent_pairs_example.forEach((p, i) => {
    const where = `${gf} consistent_pairs_example[${i}]`;
    const a = resolve(p && p.a, where), b = resolve(p && p.b, where);
    if (!a || !b) return;
    if (a.category !== b.category) err(where, `categories differ (${a.category} vs ${b.category})`);
    if (a.event !== b.event) err(where, 'event labels differ');
    if (!overlaps(a, b)) err(where, `intervals do not overlap (${fmt(a)} vs ${fmt(b)}), so this is a conflict`);
  });
  if (g.articles.length === 1) singles++;
  stats.conflicts += g.conflicts.length;
  stats.consistent += g.consistent_pairs_example.length;
  stats.conflictClaims += partners.size;
  perCluster.push(`  ${g.cluster.padEnd(24)} ${String(g.articles.length).padStart(2)} articles ${String(nClaims).padStart(3)} claims ${String(g.conflicts.length).padStart(3)} conflict pairs`);
}

console.log(`${show ? '\n' : ''}NewsLens dev gold (eval/gold/syria)`);
console.log(`clusters: ${stats.clusters} (${singles} single-article)`);
console.log(`articles: ${stats.articles}`);
console.log(`claims: ${stats.claims} (${CATEGORIES.map((c) => `${c} ${stats.byCat[c]}`).join(', ')}; uncertain ${stats.uncertain})`);
console.log(`conflict pairs: ${stats.conflicts} (claims involved: ${stats.conflictClaims}); consistent pair examples: ${stats.consistent}`);
console.log('per cluster:');
for (const l of perCluster) console.log(l);

if (errors.length) {
  console.error(`\n${errors.length} error(s):`);
  for (const e of errors) console.error(e);
  process.exit(1);
}
console.log('OK: no errors');
