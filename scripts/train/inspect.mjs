// Eyeballing the tagger on real text: `node scripts/train/inspect.mjs [--model FILE] [--no-gazetteer]
// FILE...` (defaults to a few articles of ../shared/corpus/syria) prints each sentence's entities.
// Prints to the terminal only: nothing of the articles is written anywhere.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildGazetteer } from '../build-gazetteer.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const engine = (rel) => require(path.join(REPO_ROOT, 'out', 'server', 'src', 'engine', rel));
const { tokenize, splitSentences } = engine('text.js');
const { Gazetteer } = engine('gazetteer.js');
const { NerTagger, placeLookupFromGazetteer } = engine('ner/index.js');

const args = process.argv.slice(2);
let modelFile = path.join(REPO_ROOT, 'models', 'ner.json');
let useGazetteer = true;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--model') modelFile = args[++i];
  else if (args[i] === '--no-gazetteer') useGazetteer = false;
  else files.push(args[i]);
}
if (!files.length) {
  const dir = path.join(REPO_ROOT, '..', 'shared', 'corpus', 'syria');
  const all = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (let i = 0; i < all.length; i += 90) files.push(path.join(dir, all[i]));
}

let placeLookup;
if (useGazetteer) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-inspect-'));
  await buildGazetteer(path.join(tmp, 'g.json'));
  placeLookup = placeLookupFromGazetteer(new Gazetteer(JSON.parse(fs.readFileSync(path.join(tmp, 'g.json'), 'utf8'))));
  fs.rmSync(tmp, { recursive: true, force: true });
}
const tagger = new NerTagger(JSON.parse(fs.readFileSync(modelFile, 'utf8')), { placeLookup });

for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  console.log(`\n### ${path.basename(file)}`);
  for (const s of splitSentences(text)) {
    const tokens = tokenize(text, s.start, s.end);
    const spans = tagger.tag(tokens.map((t) => t.text));
    if (!spans.length) continue;
    console.log('  ' + spans.map((e) => `[${e.label} ${text.slice(tokens[e.start].start, tokens[e.end - 1].end)}]`).join(' '));
  }
}
