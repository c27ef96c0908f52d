// Synthetic newsroom archives for the scale curve, made at run time from the Syria corpus (no corpus
// text is ever written into the repository): each article takes its headline and first half from one
// real article and its second half from another, with the Syrian towns it names swapped for towns from
// the gazetteer, years and months moved, and figures perturbed. Without the swaps every copy of an
// article would land in the same event bucket and agree with itself; with them the buckets and the
// conflicts look like an archive's, which is what the scale curve is meant to measure. Dates stay
// valid: a day moved by the figure noise ("32 Jul") or into a shorter month ("31 April") would leave
// one article in eight undated, three times the real corpus's share, and undated articles are the
// costly ones for conflict search.

import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, countWords, requireFromRepo } from './common.mjs';

export const PER_FOLDER = 1000;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Deterministic, so two runs of the bench analyse the same archive. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What the generator needs, computed once: the corpus split into headline and sentences, the Syrian
 * place names as the engine reads them in this corpus, and a pool of replacement towns.
 */
export function prepareSynth(articles) {
  const { sharedAnalyzer } = requireFromRepo(path.join(REPO_ROOT, 'out', 'server', 'src', 'node', 'resources.js'));
  const analyzer = sharedAnalyzer();
  // The engine's own reading finds the transliteration variants ("Hamah", "Deir al-Zour") a name list misses.
  const syrianPlaces = new Set();
  for (const { text } of articles) {
    for (const e of analyzer.analyze(text).entities) {
      if (e.kind !== 'place' || e.place?.countryCode !== 'SY' || e.place.placeType === 'country') continue;
      for (const m of e.mentions) {
        const surface = text.slice(m.start, m.end);
        if (/^[A-Z]/.test(surface) && surface.length >= 3) syrianPlaces.add(surface);
      }
    }
  }
  const gazetteer = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'gazetteer.json'), 'utf8'));
  const pool = gazetteer.places
    .filter(([name, cc, , , population]) => cc !== 'SY' && population >= 100_000 && /^[A-Z][a-z]{3,11}(?: [A-Z][a-z]{3,11})?$/.test(name))
    .map(([name]) => name)
    .sort();
  const placeRe = new RegExp(`\\b(?:${[...syrianPlaces].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})\\b`, 'g');
  const parts = articles.map(({ text }) => {
    const newline = text.indexOf('\n');
    const headline = newline === -1 ? text : text.slice(0, newline);
    const body = newline === -1 ? '' : text.slice(newline + 1).trim();
    const sentences = body.split(/(?<=[.!?]["”']?)\s+(?=["“A-Z0-9])/);
    return { headline, sentences };
  });
  return { parts, pool, placeRe, syrianPlaceCount: syrianPlaces.size };
}

const MONTH_NAME = new RegExp(`\\b(?:${MONTHS.join('|')})\\b`, 'g');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2}) (${MONTHS.join('|')})\\b`, 'g');
const MONTH_DAY = new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2})\\b`, 'g');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function clampDay(day, month) {
  return String(Math.min(Number(day), DAYS_IN_MONTH[MONTHS.indexOf(month)]));
}

// Month names as datelines write them, abbreviated or not ("3 Aug", "Sept. 3").
const MONTH_WORD = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\.?';
const MONTH_BEFORE = new RegExp(`\\b${MONTH_WORD} $`);
const MONTH_AFTER = new RegExp(`^ ${MONTH_WORD}(?![A-Za-z])`);

/** The day of "3 March", "Aug 3" or "03.03.2016": a date's, not a figure to move. */
function isDayOfDate(text, at, length) {
  const before = text.slice(Math.max(0, at - 10), at);
  const after = text.slice(at + length, at + length + 10);
  return MONTH_BEFORE.test(before) || MONTH_AFTER.test(after) || /^[./-]\d/.test(after) || /\d[./-]$/.test(before);
}

function perturb(text, rand, prep) {
  const towns = new Map();
  const town = (name) => {
    if (!towns.has(name)) towns.set(name, prep.pool[Math.floor(rand() * prep.pool.length)]);
    return towns.get(name);
  };
  const yearShift = Math.floor(rand() * 14) - 7;
  const monthShift = Math.floor(rand() * 12);
  return text
    .replace(prep.placeRe, town)
    .replace(MONTH_NAME, (m) => MONTHS[(MONTHS.indexOf(m) + monthShift) % 12])
    // A day moved into a shorter month ("31 April") would make the article undated.
    .replace(DAY_MONTH, (m, day, month) => `${clampDay(day, month)} ${month}`)
    .replace(MONTH_DAY, (m, month, day) => `${month} ${clampDay(day, month)}`)
    .replace(/\b\d{1,6}\b/g, (digits, at, all) => {
      const n = Number(digits);
      if (n >= 1990 && n <= 2030) return String(n + yearShift);
      if (n <= 1 || digits.startsWith('0') || isDayOfDate(all, at, digits.length)) return digits;
      // Figures move by up to ±40%, so some claims about one event agree and some contradict.
      return String(Math.max(2, Math.round(n * (0.6 + rand() * 0.8))));
    });
}

/** The i-th synthetic article (deterministic in i). */
export function synthArticle(i, prep) {
  const rand = mulberry32(0x5eed ^ Math.imul(i + 1, 2654435761));
  const n = prep.parts.length;
  const a = prep.parts[i % n];
  const b = prep.parts[Math.floor(rand() * n)];
  const cutA = Math.max(1, Math.ceil(a.sentences.length / 2));
  const cutB = Math.floor(b.sentences.length / 2);
  const body = [...a.sentences.slice(0, cutA), ...b.sentences.slice(cutB)].join(' ');
  return perturb(`${a.headline}\n\n${body}\n`, rand, prep);
}

/** Writes `count` articles into root/NNN/article-NNNNNN.txt, a thousand per folder. */
export function writeSynthCorpus(root, count, prep) {
  let words = 0;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(root, String(Math.floor(i / PER_FOLDER)).padStart(3, '0'));
    if (i % PER_FOLDER === 0) fs.mkdirSync(folder, { recursive: true });
    const text = synthArticle(i, prep);
    words += countWords(text);
    bytes += Buffer.byteLength(text);
    fs.writeFileSync(path.join(folder, `article-${String(i).padStart(6, '0')}.txt`), text);
  }
  return { count, words, bytes };
}
