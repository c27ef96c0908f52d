// Decoding speed of the shipped model: `node scripts/train/bench.mjs [model.json]` after `tsc -p .`.
// Tags CoNLL dev sentences (engine tokenisation) several times, with and without the gazetteer.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildGazetteer } from '../build-gazetteer.mjs';
import { readConll, toTrainingSentences } from './conll.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const engine = (rel) => require(path.join(REPO_ROOT, 'out', 'server', 'src', 'engine', rel));
const { tokenize } = engine('text.js');
const { Gazetteer } = engine('gazetteer.js');
const { NerTagger, placeLookupFromGazetteer } = engine('ner/index.js');

const modelFile = process.argv[2] || path.join(REPO_ROOT, 'models', 'ner.json');
const t0 = process.hrtime.bigint();
const loadCpu = process.cpuUsage();
const model = JSON.parse(fs.readFileSync(modelFile, 'utf8'));
const parsed = process.hrtime.bigint();
const plain = new NerTagger(model);
const built = process.hrtime.bigint();
console.log(
  `load: JSON.parse + NerTagger constructor ${Math.round(Number(built - t0) / 1e6)} ms wall, ` +
    `${Math.round((process.cpuUsage(loadCpu).user) / 1000)} ms CPU`,
);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-bench-'));
await buildGazetteer(path.join(tmp, 'g.json'));
const gazetteer = new Gazetteer(JSON.parse(fs.readFileSync(path.join(tmp, 'g.json'), 'utf8')));
fs.rmSync(tmp, { recursive: true, force: true });
const withPlaces = new NerTagger(model, { placeLookup: placeLookupFromGazetteer(gazetteer) });

const dev = toTrainingSentences(readConll(path.join(REPO_ROOT, '..', 'shared', 'data', 'conll2003', 'eng.testa')), tokenize, null);
const tokens = dev.reduce((n, s) => n + s.words.length, 0);
// The best of several rounds, in CPU time as well as wall time: on a shared machine the wall clock
// mostly measures the neighbours.
for (const [name, tagger] of [['no gazetteer', plain], ['gazetteer', withPlaces]]) {
  for (const s of dev) tagger.tag(s.words);
  let bestWall = 0;
  let bestCpu = 0;
  for (let round = 0; round < 5; round++) {
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    for (const s of dev) tagger.tag(s.words);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    bestWall = Math.max(bestWall, tokens / seconds);
    bestCpu = Math.max(bestCpu, tokens / ((cpu.user + cpu.system) / 1e6));
  }
  console.log(`${name}: ${Math.round(bestWall)} tokens/s wall, ${Math.round(bestCpu)} per CPU second (best of 5 rounds)`);
}
