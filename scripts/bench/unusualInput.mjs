// Text that is no article, which an editor still opens: a list pasted as one line, a transcript with
// no full stops, a file of numbers, a run of stray tag openers. Each shape is about 250,000
// characters, one document, and must take about as long per character as the articles do; a rule
// that compares the parts of a sentence or of a document with each other shows up here as seconds.
//
// Run in a child process of its own (this file with --child), like the engine's contenders.

import { fileURLToPath } from 'node:url';
import { fmtInt, fmtMs, freshAnalyzers, loadSyriaCorpus, log, markdownTable, median, runNodeJson } from './common.mjs';

const SELF = fileURLToPath(import.meta.url);
const SIZE = 250_000;

/** Each shape: a unit repeated up to SIZE characters. */
const SHAPES = [
  ['one line of "he said" (no full stop)', 'he said '],
  ['one line of "killed at least five people,"', 'killed at least five people, '],
  ['an open quotation that never closes', '"the man said he was killed and '],
  ['one line of "according to activists"', 'according to activists '],
  ['one line of lower-case words', 'word '],
  ['one line of capitalised words', 'Word '],
  ['numbers only', '1 2 3 4 5 '],
  ['stray tag openers "{>>"', '{>> '],
  ['source tags after every sentence', 'Five were killed. {>>source: activists<<} '],
  ['one short claim per line', 'Killed 5.\n'],
  ['one word with no space', 'x'],
  ['brackets only', '('],
];

function repeatTo(unit, size) {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Runs in the child: wall ms of analysing each shape with a fresh analyzer, median of `reps`. */
function runChild(reps) {
  const freshAnalyzer = freshAnalyzers();
  // A fresh analyzer for every timed run: one that has seen the text remembers its sentences.
  const timeFresh = (text) => {
    const analyzer = freshAnalyzer();
    const t0 = performance.now();
    analyzer.analyze(text);
    return performance.now() - t0;
  };
  // The articles' own pace, for comparison: the Syria corpus as one pass, after a warm-up pass.
  const { articles } = loadSyriaCorpus();
  let articlesPace = null;
  if (articles) {
    const texts = articles.map((a) => a.text);
    const chars = texts.reduce((n, t) => n + t.length, 0);
    const pass = () => {
      const analyzer = freshAnalyzer();
      const t0 = performance.now();
      for (const t of texts) analyzer.analyze(t);
      return performance.now() - t0;
    };
    pass();
    articlesPace = { chars, ms: median(Array.from({ length: reps }, pass)) };
  }
  const shapes = SHAPES.map(([label, unit]) => {
    const text = repeatTo(unit, SIZE);
    timeFresh(text);
    return { label, chars: text.length, ms: median(Array.from({ length: reps }, () => timeFresh(text))) };
  });
  return { shapes, articlesPace };
}

export async function runUnusualInputBench({ quick = false } = {}) {
  const reps = quick ? 1 : 3;
  log(`engine: unusual input, ${SHAPES.length} shapes of ${fmtInt(SIZE)} characters, ${reps} timed run(s) each`);
  return runNodeJson(SELF, ['--child', String(reps)]);
}

const per100k = (ms, chars) => (ms * 100_000) / chars;

export function unusualInputReport(r) {
  const pace = r.articlesPace ? per100k(r.articlesPace.ms, r.articlesPace.chars) : null;
  const rows = r.shapes.map((s) => {
    const own = per100k(s.ms, s.chars);
    return [s.label, fmtInt(s.chars), fmtMs(s.ms), fmtMs(own), pace ? `${(own / pace).toFixed(1)}x` : ''];
  });
  const slowest = r.shapes.reduce((a, b) => (per100k(b.ms, b.chars) > per100k(a.ms, a.chars) ? b : a));
  return [
    `Text that is no article, one document per shape, analysed by a fresh analyzer (median of the timed runs). The articles' own pace: ${
      pace ? `${fmtMs(pace)} per 100,000 characters (the Syria corpus, one pass)` : 'not measured (the Syria corpus is absent)'
    }.`,
    '',
    markdownTable(['shape', 'characters', 'time', 'per 100,000 characters', 'vs the articles'], rows),
    '',
    `- Slowest per character: ${slowest.label}, ${fmtMs(slowest.ms)}.`,
  ].join('\n');
}

if (process.argv[1] === SELF && process.argv[2] === '--child') {
  process.stdout.write(`${JSON.stringify(runChild(Number(process.argv[3] || 3)))}\n`);
}
