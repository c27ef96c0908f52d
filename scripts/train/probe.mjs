// Scores the tagger on probe-sentences.txt (Syria-style sentences written for this project, entities
// bracketed): `node scripts/train/probe.mjs [--verbose] [model.json ...]` after `tsc -p .`. Exact
// character spans, PER/ORG/LOC micro, MISC ignored as in the project's scoring; a possessive "'s"
// is trimmed from predicted spans, as callers should.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildGazetteer } from '../build-gazetteer.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '..', '..');
const require = createRequire(import.meta.url);
const engine = (rel) => require(path.join(REPO_ROOT, 'out', 'server', 'src', 'engine', rel));
const { tokenize } = engine('text.js');
const { Gazetteer } = engine('gazetteer.js');
const { NerTagger, placeLookupFromGazetteer, stripPossessive } = engine('ner/index.js');
const { scoreSpans } = engine('ner/evaluate.js');

/** "[PER Rami] said" -> { text: "Rami said", spans: [{start: 0, end: 4, label: "PER"}] } */
export function parseBracketed(line) {
  let text = '';
  const spans = [];
  const re = /\[(PER|ORG|LOC|MISC) ([^\]]+)\]/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    text += line.slice(last, m.index);
    spans.push({ start: text.length, end: text.length + m[2].length, label: m[1] });
    text += m[2];
    last = m.index + m[0].length;
  }
  return { text: text + line.slice(last), spans };
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const models = args.filter((a) => !a.startsWith('--'));
if (!models.length) models.push(path.join(REPO_ROOT, 'models', 'ner.json'));

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-probe-'));
await buildGazetteer(path.join(tmp, 'g.json'));
const placeLookup = placeLookupFromGazetteer(new Gazetteer(JSON.parse(fs.readFileSync(path.join(tmp, 'g.json'), 'utf8'))));
fs.rmSync(tmp, { recursive: true, force: true });

const probes = fs
  .readFileSync(path.join(HERE, 'probe-sentences.txt'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map(parseBracketed);

for (const file of models) {
  const tagger = new NerTagger(JSON.parse(fs.readFileSync(file, 'utf8')), { placeLookup });
  const gold = [];
  const predicted = [];
  for (const { text, spans } of probes) {
    const tokens = tokenize(text);
    const found = tagger.tag(tokens.map((t) => t.text)).map((s) => {
      const last = tokens[s.end - 1];
      const trimmed = last.text.length - stripPossessive(last.text).core.length;
      return { start: tokens[s.start].start, end: last.end - trimmed, label: s.label };
    });
    gold.push(spans);
    predicted.push(found);
    if (verbose) {
      const show = (list) => list.map((s) => `[${s.label} ${text.slice(s.start, s.end)}]`).join(' ');
      const same = show(spans.filter((s) => s.label !== 'MISC')) === show(found.filter((s) => s.label !== 'MISC'));
      if (!same) console.log(`  gold ${show(spans)}\n  got  ${show(found)}\n`);
    }
  }
  const s = scoreSpans(gold, predicted);
  const f = (x) => (100 * x).toFixed(1);
  console.log(
    `${path.basename(file)}: micro F1 ${f(s.micro.f1)} (P ${f(s.micro.p)} R ${f(s.micro.r)}) ` +
      `PER ${f(s.PER.f1)} ORG ${f(s.ORG.f1)} LOC ${f(s.LOC.f1)} on ${probes.length} sentences`,
  );
}
