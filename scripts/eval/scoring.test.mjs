// Unit tests of the evaluation harness's scoring on small constructed cases:
//   node --test scripts/eval/

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  articleCount,
  attributionRight,
  contentWords,
  matchOneToOne,
  overlaps,
  predictedMentions,
  prf,
  scoreClaims,
  scoreConflicts,
  scoreEntities,
  scoreOverlapSpans,
} from './scoring.mjs';
import { parseConll } from './conll.mjs';
import { parseBrat, pickAnnotations } from './polnear.mjs';
import { scoreCounts } from './gva.mjs';
import { conflictDiagnostics, loadCluster } from './syria.mjs';
import { attributionRecall, locateClaims } from './seeds.mjs';
import { scoreClaimDocuments } from './claims.mjs';
import { formatTable } from './report.mjs';

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} != ${expected}`);

test('prf: exact values and empty denominators', () => {
  const s = prf({ tp: 3, fp: 1, fn: 2 });
  assert.equal(s.p, 0.75);
  assert.equal(s.r, 0.6);
  close(s.f1, 2 / 3);
  assert.deepEqual(prf({ tp: 0, fp: 0, fn: 4 }), { p: null, r: 0, f1: null, tp: 0, fp: 0, fn: 4 });
  assert.deepEqual(prf({ tp: 0, fp: 2, fn: 1 }), { p: 0, r: 0, f1: 0, tp: 0, fp: 2, fn: 1 });
});

test('overlaps: half-open ranges and discontinuous fragments', () => {
  assert.equal(overlaps({ start: 0, end: 5 }, { start: 5, end: 9 }), false);
  assert.equal(overlaps({ start: 0, end: 5 }, { start: 4, end: 9 }), true);
  const disc = { fragments: [{ start: 10, end: 20 }, { start: 40, end: 50 }] };
  assert.equal(overlaps(disc, { start: 25, end: 35 }), false);
  assert.equal(overlaps({ start: 45, end: 46 }, disc), true);
});

test('matchOneToOne: finds the maximum matching a greedy pass would miss', () => {
  // Gold 0 accepts predictions 0 and 1, gold 1 only prediction 0: greedy gives gold 0 the
  // prediction 0 and leaves gold 1 unmatched.
  const gold = [['p0', 'p1'], ['p0']];
  const pred = ['p0', 'p1'];
  const m = matchOneToOne(gold, pred, (g, p) => g.includes(p));
  assert.deepEqual(m.pairs, [[0, 1], [1, 0]]);
  assert.deepEqual(m.goldMatched, [true, true]);
});

test('scoreOverlapSpans: one prediction covering two gold spans finds only one', () => {
  const gold = [{ start: 0, end: 5 }, { start: 6, end: 10 }, { start: 30, end: 35 }];
  const pred = [{ start: 3, end: 8 }, { start: 100, end: 104 }];
  const s = scoreOverlapSpans(gold, pred);
  assert.deepEqual(s.counts, { tp: 1, fp: 1, fn: 2 });
  assert.deepEqual(s.spurious, [{ start: 100, end: 104 }]);
  // Two predictions on one gold span: one is a false positive.
  assert.deepEqual(scoreOverlapSpans([{ start: 0, end: 10 }], [{ start: 0, end: 3 }, { start: 5, end: 9 }]).counts, {
    tp: 1,
    fp: 1,
    fn: 0,
  });
});

test('scoreEntities: exact spans, types, MISC exclusion, duplicates', () => {
  const gold = [
    { start: 0, end: 5, type: 'PER' },
    { start: 10, end: 16, type: 'ORG' },
    { start: 20, end: 27, type: 'MISC' },
    { start: 30, end: 36, type: 'LOC' },
  ];
  const pred = [
    { start: 0, end: 5, type: 'PER' }, // right
    { start: 0, end: 5, type: 'PER' }, // the same mention twice: the copy is wrong
    { start: 10, end: 16, type: 'LOC' }, // wrong type: FP LOC and FN ORG
    { start: 20, end: 27, type: 'ORG' }, // exactly a MISC span: ignored
    { start: 20, end: 24, type: 'PER' }, // inside MISC but not exactly: FP
    { start: 30, end: 35, type: 'LOC' }, // off by one: FP and FN
  ];
  const s = scoreEntities(gold, pred);
  assert.deepEqual(s.byType, {
    PER: { tp: 1, fp: 2, fn: 0 },
    ORG: { tp: 0, fp: 0, fn: 1 },
    LOC: { tp: 0, fp: 2, fn: 1 },
  });
  assert.equal(s.fp.find((p) => p.start === 10).goldType, 'ORG');
});

test('predictedMentions: every mention of every scored entity kind', () => {
  const doc = {
    entities: [
      { kind: 'person', mentions: [{ start: 0, end: 3, text: 'Ann' }, { start: 9, end: 12, text: 'Ann' }] },
      { kind: 'place', mentions: [{ start: 20, end: 25, text: 'Homs' }] },
      { kind: 'weapon', mentions: [{ start: 30, end: 33, text: 'gun' }] },
    ],
  };
  assert.deepEqual(
    predictedMentions(doc).map((m) => [m.start, m.type]),
    [[0, 'PER'], [9, 'PER'], [20, 'LOC']],
  );
  assert.deepEqual(predictedMentions(undefined), []);
});

test('parseConll: IOB1 spans, offsets and documents', () => {
  const src = [
    '-DOCSTART- -X- O O',
    '',
    'EU NNP I-NP I-ORG',
    'rejects VBZ I-VP O',
    'German JJ I-NP I-MISC',
    'call NN I-NP O',
    '',
    'Peter NNP I-NP I-PER',
    'Blackburn NNP I-NP I-PER',
    'Paris NNP I-NP I-LOC',
    'Lyon NNP I-NP B-LOC',
    '',
    '-DOCSTART- -X- O O',
    '',
    'Bonn NNP I-NP I-LOC',
    '',
  ].join('\n');
  const docs = parseConll(src);
  assert.equal(docs.length, 2);
  assert.equal(docs[0].text, 'EU rejects German call\nPeter Blackburn Paris Lyon\n');
  assert.deepEqual(
    docs[0].spans.map((s) => [s.start, s.end, s.type, s.text]),
    [
      [0, 2, 'ORG', 'EU'],
      [11, 17, 'MISC', 'German'],
      [23, 38, 'PER', 'Peter Blackburn'],
      [39, 44, 'LOC', 'Paris'],
      [45, 49, 'LOC', 'Lyon'],
    ],
  );
  assert.deepEqual(docs[1].spans.map((s) => s.text), ['Bonn']);
  assert.notEqual(docs[0].name, docs[1].name);
});

test('parseBrat: Source and Cue only, discontinuous spans kept', () => {
  const ann = [
    'T1\tSource 89 106\tThe New York Post',
    'T2\tCue 107 114\treports',
    'T3\tContent 115 290\tthat ...',
    'T4\tCue 10 15;20 25\tsaid that',
    'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
  ].join('\n');
  const spans = parseBrat(ann);
  assert.deepEqual(
    spans.map((s) => [s.id, s.type, s.fragments]),
    [
      ['T1', 'Source', [{ start: 89, end: 106 }]],
      ['T2', 'Cue', [{ start: 107, end: 114 }]],
      ['T4', 'Cue', [{ start: 10, end: 15 }, { start: 20, end: 25 }]],
    ],
  );
  const s = scoreOverlapSpans(spans.filter((x) => x.type === 'Cue'), [{ start: 22, end: 30 }]);
  assert.deepEqual(s.counts, { tp: 1, fp: 0, fn: 1 });
});

test('pickAnnotations: first annotation of each article', () => {
  const m = pickAnnotations(['b_1111.ann', 'a_ef2d.ann', 'a_4b22.ann', 'c.ann']);
  assert.deepEqual([...m.entries()].sort(), [['a', 'a_4b22.ann'], ['b', 'b_1111.ann'], ['c', 'c.ann']]);
});

const claim = (start, end, category, min, max, extra = {}) => ({
  start,
  end,
  text: 'x',
  category,
  count: { start, end: start + 2, text: 'nn', min, max },
  attribution: null,
  ...extra,
});

test('scoreClaims: category, interval, overlap, one-to-one', () => {
  const gold = [
    { quote: { start: 0, end: 20 }, category: 'killed', min: 16, max: null },
    { quote: { start: 30, end: 50 }, category: 'injured', min: 20, max: 20 },
    { quote: { start: 60, end: 80 }, category: 'killed', min: 14, max: 18 },
  ];
  const pred = [
    claim(5, 15, 'killed', 16, null), // right
    claim(6, 12, 'killed', 16, null), // second claim on the same gold: FP
    claim(35, 45, 'killed', 20, 20), // wrong category: FP, gold FN
    claim(65, 70, 'killed', 14, null), // wrong max: FP, gold FN
  ];
  const s = scoreClaims(gold, pred);
  assert.deepEqual(s.counts, { tp: 1, fp: 3, fn: 2 });
  assert.equal(s.pairs.length, 1);
  assert.equal(s.pairs[0][1].start, 5);
});

test('scoreClaims: the count span alone may overlap the quote', () => {
  const gold = [{ quote: { start: 10, end: 20 }, category: 'killed', min: 3, max: 3 }];
  const p = claim(0, 5, 'killed', 3, 3);
  p.count = { start: 12, end: 15, text: 'three', min: 3, max: 3 };
  assert.deepEqual(scoreClaims(gold, [p]).counts, { tp: 1, fp: 0, fn: 0 });
});

test('scoreClaims: uncertain gold claims are neither missed nor false positives', () => {
  const gold = [
    { quote: { start: 0, end: 20 }, category: 'killed', min: 5, max: 5 },
    { quote: { start: 10, end: 40 }, category: 'killed', min: 5, max: 5, uncertain: true },
    { quote: { start: 100, end: 120 }, category: 'arrested', min: 2, max: 2, uncertain: true },
  ];
  const pred = [
    claim(12, 18, 'killed', 5, 5), // touches both: matches the certain claim first
    claim(25, 30, 'killed', 9, 9), // touches only the uncertain claim: ignored
    claim(200, 210, 'killed', 1, 1), // touches nothing: FP
  ];
  const s = scoreClaims(gold, pred);
  assert.deepEqual(s.counts, { tp: 1, fp: 1, fn: 0 });
  assert.equal(s.ignored, 1);
});

test('contentWords and attributionRight', () => {
  assert.deepEqual([...contentWords('the Syrian Observatory for Human Rights')], ['syrian', 'observatory', 'human', 'rights']);
  assert.deepEqual([...contentWords('Assad’s office')], ['assad', 'office']);
  const withSource = (text) => ({ attribution: { source: { start: 0, end: text.length, text }, cue: null, tagged: false } });
  assert.equal(attributionRight('the Syrian Observatory for Human Rights', withSource('the Observatory')), true);
  assert.equal(attributionRight('activists in Syria', withSource('the activists')), true);
  assert.equal(attributionRight('the group', withSource('the Free Syrian Army')), false);
  assert.equal(attributionRight('state media', { attribution: null }), false);
  assert.equal(attributionRight('', { attribution: null }), true);
  assert.equal(attributionRight(null, withSource('officials')), false);
});

test('scoreClaimDocuments: totals, per category and attribution accuracy', () => {
  const items = [
    {
      file: 'a.txt',
      text: 'x'.repeat(100),
      gold: [
        { quote: { start: 0, end: 10 }, category: 'killed', min: 1, max: 1, sourceText: 'police' },
        { quote: { start: 20, end: 30 }, category: 'injured', min: 2, max: 2, sourceText: '' },
      ],
      doc: {
        claims: [
          claim(0, 5, 'killed', 1, 1, { attribution: { source: { text: 'the police' }, cue: null, tagged: false } }),
          claim(20, 25, 'injured', 2, 2, { attribution: { source: { text: 'witnesses' }, cue: null, tagged: false } }),
          claim(50, 55, 'missing', 4, 4),
        ],
      },
    },
    { file: 'b.txt', text: 'y'.repeat(50), gold: [{ quote: { start: 0, end: 5 }, category: 'killed', min: 3, max: 3 }], doc: undefined },
  ];
  const s = scoreClaimDocuments(items, { verbose: true });
  assert.deepEqual([s.claims.tp, s.claims.fp, s.claims.fn], [2, 1, 1]);
  assert.deepEqual(Object.keys(s.byCategory), ['injured', 'killed', 'missing']);
  assert.deepEqual([s.byCategory.killed.tp, s.byCategory.killed.fn], [1, 1]);
  assert.deepEqual(s.attribution, { acc: 0.5, right: 1, total: 2 });
  assert.equal(s.errors.filter((e) => e.startsWith('FN')).length, 1);
  assert.equal(s.errors.filter((e) => e.startsWith('FP')).length, 1);
  assert.equal(s.errors.filter((e) => e.startsWith('ATTR')).length, 1);
});

test('scoreConflicts: recall over conflicting claims, precision over diagnostics', () => {
  const text = 'z'.repeat(200);
  const cluster = loadCluster(
    {
      cluster: 'c',
      articles: [
        {
          file: 'a.txt',
          claims: [
            { id: 'c1', quote: [0, 10], count: [0, 2], category: 'killed', min: 10, max: 10, source: null, cue: null },
            { id: 'c2', quote: [50, 60], count: [50, 52], category: 'killed', min: 3, max: 3, source: null, cue: null },
          ],
        },
        {
          file: 'b.txt',
          claims: [{ id: 'c1', quote: [20, 30], count: [20, 22], category: 'killed', min: 40, max: 40, source: null, cue: null }],
        },
      ],
      conflicts: [
        { a: { file: 'a.txt', claim: 'c1' }, b: { file: 'b.txt', claim: 'c1' }, note: '' },
        { a: { file: 'a.txt', claim: 'c9' }, b: { file: 'b.txt', claim: 'c1' }, note: 'unknown claim' },
      ],
    },
    () => text,
  );
  assert.equal(cluster.problems.length, 1);
  const diagnostics = [
    conflictDiagnostics({
      path: '/tmp/x/a.txt',
      diagnostics: [
        // on a.txt#c1, related to b.txt#c1: right, flags a.txt#c1
        { code: 'casualty-conflict', start: 2, end: 8, related: [{ path: '/tmp/x/b.txt', start: 21, end: 25 }] },
        // on a.txt#c2, which has no gold partner: wrong
        { code: 'casualty-conflict', start: 52, end: 58, related: [{ path: '/tmp/x/b.txt', start: 21, end: 25 }] },
        { code: 'unattributed-claim', start: 0, end: 10, related: [] },
      ],
    }),
    conflictDiagnostics({
      path: 'file:///tmp/x/b.txt',
      diagnostics: [
        // on b.txt#c1 but related location misses a.txt#c1: wrong, does not flag b.txt#c1
        { code: 'casualty-conflict', start: 20, end: 30, related: [{ path: '/tmp/x/a.txt', start: 50, end: 60 }] },
      ],
    }),
  ].flat();
  assert.equal(diagnostics.length, 3);
  const s = scoreConflicts(cluster.conflicts, diagnostics);
  assert.deepEqual(s.recall, { acc: 0.5, right: 1, total: 2 });
  assert.deepEqual(s.precision, { acc: 1 / 3, right: 1, total: 3 });
  assert.deepEqual(s.unflagged, ['b.txt#c1']);
});

test('loadCluster: drops claims whose offsets fall outside the text', () => {
  const c = loadCluster(
    {
      articles: [
        {
          file: 'a.txt',
          claims: [
            { id: 'c1', quote: [5, 500], category: 'killed', min: 1, max: 1 },
            { id: 'c2', quote: [0, 4], category: 'killed', min: 1, max: null, source: [5, 9], uncertain: true },
          ],
        },
        { file: 'gone.txt', claims: [] },
      ],
    },
    (f) => (f === 'a.txt' ? 'Four said so.' : null),
  );
  assert.equal(c.articles.length, 1);
  assert.deepEqual(c.articles[0].gold, [
    { id: 'c2', quote: { start: 0, end: 4 }, category: 'killed', min: 1, max: null, uncertain: true, sourceText: 'said' },
  ]);
  assert.equal(c.problems.length, 2);
});

test('articleCount and scoreCounts: largest count.min, 0 when none, baseline', () => {
  const doc = { claims: [claim(0, 1, 'killed', 2, 2), claim(5, 6, 'killed', 3, null), claim(9, 9, 'injured', 24, 99)] };
  assert.equal(articleCount(doc, 'killed'), 3);
  assert.equal(articleCount(doc, 'injured'), 24);
  assert.equal(articleCount(doc, 'missing'), 0);
  assert.equal(articleCount(undefined, 'killed'), 0);
  const gold = {
    'a.txt': { n_killed: 3, n_injured: 0 },
    'b.txt': { n_killed: 0, n_injured: 1 },
    'c.txt': { n_killed: 0, n_injured: 0 },
    'd.txt': { n_killed: 1, n_injured: 0 },
  };
  const s = scoreCounts(gold, new Map([['a.txt', doc]]));
  assert.equal(s.killed.acc, 0.75);
  assert.equal(s.killed.baseline, 0.5);
  assert.equal(s.injured.acc, 0.5);
  assert.equal(s.injured.baseline, 0.75);
  assert.deepEqual(s.injured.wrong.map((w) => [w.file, w.want, w.got]), [['a.txt', 0, 24], ['b.txt', 1, 0]]);
});

test('seeds: quotes located in the text, attributions matched by text', () => {
  const text = 'Activists said 5 people were killed. 5 people were killed again.';
  const { located, problems } = locateClaims(text, [
    { quote: '5 people were killed', category: 'killed', min: 5, max: 5, source: 'activists' },
    { quote: 'not there', category: 'killed', min: 1, max: 1 },
  ]);
  assert.deepEqual(located[0].quote, { start: 15, end: 35 });
  assert.equal(located[0].sourceText, 'activists');
  assert.equal(problems.length, 1);
  const r = attributionRecall(
    [{ source: 'activists in Syria', cue: 'say' }, { source: 'Suleiman', cue: 'said' }],
    [{ source: { text: 'Activists' }, cue: { text: 'say' } }, { source: { text: 'Suleiman' }, cue: { text: 'told' } }],
  );
  assert.deepEqual([r.right, r.total], [1, 2]);
});

test('formatTable: aligned markdown with percentages and dashes', () => {
  const table = formatTable([
    { title: 'A', seconds: 1.25, rows: [{ measure: 'm1', p: 0.5, r: null, f1: null, tp: 1, fp: 1, fn: 0 }] },
    { title: 'B', rows: [{ measure: 'acc', acc: 0.8123, detail: '4/5' }] },
  ]);
  const lines = table.split('\n');
  assert.equal(lines.length, 4);
  assert.ok(lines.every((l) => l.length === lines[0].length && l.startsWith('|') && l.endsWith('|')));
  assert.match(lines[2], /\| +50\.0 \| +– \|/);
  assert.match(lines[2], /tp 1 fp 1 fn 0/);
  assert.match(lines[2], /1\.3 s|1\.2 s/);
  assert.match(lines[3], /81\.2/);
});
