// `npm run train`: trains the statistical entity tagger on CoNLL-2003 (../shared/data/conll2003) and
// writes models/ner.json. Runs on the tsc output (out/), so compile first: `tsc -p . && node
// scripts/train.mjs`. Deterministic: the same data, gazetteer and options give a byte-identical model.
//
// The training sentences are CoNLL's, re-tokenised by the engine's tokenizer and, with a fixed seed,
// augmented towards the news NewsLens reads (scripts/train/conll.mjs, names.mjs): possessives
// joined, commas dropped, some sentences title-cased, some mentions swapped for Arabic place and
// person names and for actors of the Syrian war. The casing lexicon and the word clusters come from
// unlabelled text: the training words plus the raw articles in ../shared.
//
// Options: --seed N, --epochs N (skip the choice on dev), --max-epochs N, --patience N,
// --min-weight X (pruning), --out FILE, --no-gazetteer, --no-corpus (casing lexicon and word
// clusters from the labelled text only), --no-clusters, --no-augment, --prune-report (dev F1 and size
// at several pruning thresholds).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { buildGazetteer } from './build-gazetteer.mjs';
import { readConll, toTrainingSentences } from './train/conll.mjs';
import { readCorpusSentences } from './train/corpus.mjs';
import { regionalPlaceNames, replacementMakers } from './train/names.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
const GAZETTEER_DROPOUT = 0.2;
const UNLABELLED_DIRS = ['corpus/syria', 'data/gva-dev/articles', 'data/polnear/dev/text'];
const require = createRequire(import.meta.url);
const compiled = (rel) => {
  const file = path.join(REPO_ROOT, 'out', 'server', 'src', 'engine', rel);
  if (!fs.existsSync(file)) throw new Error(`${file} not found: run \`tsc -p .\` first`);
  return require(file);
};
const { tokenize } = compiled('text.js');
const { Gazetteer } = compiled('gazetteer.js');
const { sentenceFeatures, isTitleWord, tokenFacts } = compiled('ner/features.js');
const { ContextCounter } = compiled('ner/clusters.js');
const { clusterLookup } = compiled('ner/model.js');
const { bilouLabelNames, spansToLabelIds, labelIdsToSpans, parseLabel } = compiled('ner/labels.js');
const { PerceptronTrainer, seededRandom, shuffleInPlace } = compiled('ner/perceptron.js');
const { CasingCounter } = compiled('ner/lexicon.js');
const { placeLookupFromGazetteer } = compiled('ner/places.js');
const { scoreSpans } = compiled('ner/evaluate.js');
const { NerTagger } = compiled('ner/tagger.js');
const { MODEL_FORMAT, MODEL_VERSION } = compiled('ner/model.js');

function parseArgs(argv) {
  const opts = {
    seed: 20030601,
    epochs: 0,
    maxEpochs: 25,
    patience: 6,
    minWeight: 0.05,
    out: path.join(REPO_ROOT, 'models', 'ner.json'),
    gazetteer: true,
    corpus: true,
    clusters: true,
    augment: true,
    pruneReport: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i];
    if (a === '--seed') opts.seed = Number(value());
    else if (a === '--epochs') opts.epochs = Number(value());
    else if (a === '--max-epochs') opts.maxEpochs = Number(value());
    else if (a === '--patience') opts.patience = Number(value());
    else if (a === '--min-weight') opts.minWeight = Number(value());
    else if (a === '--out') opts.out = path.resolve(value());
    else if (a === '--no-gazetteer') opts.gazetteer = false;
    else if (a === '--no-corpus') opts.corpus = false;
    else if (a === '--no-clusters') opts.clusters = false;
    else if (a === '--no-augment') opts.augment = false;
    else if (a === '--prune-report') opts.pruneReport = true;
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

const pct = (x) => (100 * x).toFixed(2).padStart(6);
function printScores(title, scores) {
  console.log(title);
  console.log('  type     P       R       F1      tp    fp    fn');
  for (const t of ['PER', 'ORG', 'LOC', 'MISC', 'micro']) {
    const s = scores[t];
    const name = t === 'micro' ? 'micro*' : t;
    console.log(
      `  ${name.padEnd(6)} ${pct(s.p)}  ${pct(s.r)}  ${pct(s.f1)}  ${String(s.tp).padStart(5)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}`,
    );
  }
  console.log('  * micro over PER/ORG/LOC, exact spans; MISC shown for information, not in micro');
}

/** The gazetteer data exactly as `npm run build` derives it for the extension. */
async function loadGazetteerData() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-train-'));
  try {
    const file = path.join(tmp, 'gazetteer.json');
    await buildGazetteer(file);
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const trainFile = path.join(SHARED, 'data', 'conll2003', 'eng.train');
  const devFile = path.join(SHARED, 'data', 'conll2003', 'eng.testa');
  for (const f of [trainFile, devFile]) if (!fs.existsSync(f)) throw new Error(`missing ${f}`);

  const gazetteerData = await loadGazetteerData();
  const random = seededRandom(opts.seed);
  const regionalPlaces = regionalPlaceNames(gazetteerData);
  const makers = opts.augment ? replacementMakers(regionalPlaces) : null;
  const train = toTrainingSentences(readConll(trainFile), tokenize, opts.augment ? random : null, isTitleWord, makers);
  const dev = toTrainingSentences(readConll(devFile), tokenize, null);
  console.log(`train: ${train.length} sentences, ${train.reduce((n, s) => n + s.words.length, 0)} tokens`);
  console.log(`dev:   ${dev.length} sentences, ${dev.reduce((n, s) => n + s.words.length, 0)} tokens`);

  // Unlabelled text for the casing lexicon and the word clusters: the training words (never dev's)
  // plus the raw news in ../shared. Only word statistics reach the model.
  const casingCounter = new CasingCounter();
  const contextCounter = new ContextCounter();
  const addUnlabelled = (words) => {
    casingCounter.addSentence(words);
    contextCounter.addSentence(words.map((w) => tokenFacts(w).norm));
  };
  for (const s of train) addUnlabelled(s.words);
  if (opts.corpus) {
    for (const rel of UNLABELLED_DIRS) {
      let count = 0;
      for (const words of readCorpusSentences(path.join(SHARED, rel), tokenize)) {
        addUnlabelled(words);
        count++;
      }
      console.log(`unlabelled text: ${count} sentences from ${rel}`);
    }
  }
  const casingLists = casingCounter.buckets(2);
  const casing = new Map();
  for (const bucket of Object.keys(casingLists)) for (const w of casingLists[bucket].split(' ')) if (w) casing.set(w, bucket);
  console.log(`casing lexicon: ${casing.size} words`);
  let clusterLists;
  if (opts.clusters) {
    const t0 = Date.now();
    clusterLists = contextCounter.cluster();
    const clustered = clusterLists[0].reduce((n, words) => n + (words ? words.split(' ').length : 0), 0);
    console.log(`word clusters: ${clustered} words, ${clusterLists.map((l) => l.length).join(' and ')} clusters (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const clusters = clusterLookup(clusterLists);

  const placeLookup = opts.gazetteer ? placeLookupFromGazetteer(new Gazetteer(gazetteerData)) : undefined;
  const resources = { casing, clusters, placeLookup };
  // Every swapped-in place name is in the gazetteer, which real news cannot promise: hiding half of
  // them from the training lookup keeps the model from learning that a gazetteer match settles it.
  const hidden = new Set(regionalPlaces.filter((_, i) => i % 2 === 1));
  const trainResources =
    placeLookup && makers ? { ...resources, placeLookup: (phrase) => (hidden.has(phrase) ? null : placeLookup(phrase)) } : resources;

  const labelNames = bilouLabelNames();
  const labelParts = labelNames.map(parseLabel);
  const trainer = new PerceptronTrainer(labelNames);
  const featureStart = Date.now();
  // Some sentences without the gazetteer, so that the model keeps reading context when the gazetteer
  // misses a place or a caller has none.
  const noPlaces = { ...trainResources, placeLookup: undefined };
  const indexedTrain = train.map((s) =>
    trainer.addTrainingSentence({
      features: sentenceFeatures(s.words, opts.augment && random() < GAZETTEER_DROPOUT ? noPlaces : trainResources),
      labels: spansToLabelIds(s.words.length, s.spans, labelNames),
    }),
  );
  const indexedDev = dev.map((s) =>
    trainer.indexSentence({
      features: sentenceFeatures(s.words, resources),
      labels: spansToLabelIds(s.words.length, s.spans, labelNames),
    }),
  );
  console.log(`features: ${trainer.featureCount} (extracted in ${((Date.now() - featureStart) / 1000).toFixed(1)} s)`);

  const devGold = dev.map((s) => s.spans);
  const order = indexedTrain.slice();
  let best = null;
  const maxEpochs = opts.epochs || opts.maxEpochs;
  for (let epoch = 1; epoch <= maxEpochs; epoch++) {
    const t0 = Date.now();
    shuffleInPlace(order, random);
    const mistakes = trainer.trainEpoch(order);
    const averaged = trainer.averaged();
    const predicted = trainer.predict(indexedDev, averaged).map((ids) => labelIdsToSpans(ids, labelParts));
    const scores = scoreSpans(devGold, predicted);
    const f1 = scores.micro.f1;
    const mark = !best || f1 > best.f1 ? ' *' : '';
    console.log(
      `epoch ${String(epoch).padStart(2)}: ${mistakes} sentences wrong, dev micro F1 ${pct(f1)}` +
        ` (PER ${pct(scores.PER.f1)} ORG ${pct(scores.ORG.f1)} LOC ${pct(scores.LOC.f1)}) ${((Date.now() - t0) / 1000).toFixed(1)} s${mark}`,
    );
    if (opts.epochs) {
      best = { epoch, f1, averaged };
    } else if (mark) {
      best = { epoch, f1, averaged };
    } else if (epoch - best.epoch >= opts.patience) {
      break;
    }
  }
  const trainingSeconds = (Date.now() - started) / 1000;

  if (opts.pruneReport) {
    for (const minWeight of [0, 0.02, 0.05, 0.1, 0.2, 0.4, 0.8]) {
      const rows = trainer.exportWeights(best.averaged, minWeight);
      const candidate = { format: MODEL_FORMAT, version: MODEL_VERSION, labels: labelNames, ...rows, casing: casingLists, clusters: clusterLists };
      const tagger = new NerTagger(candidate, { placeLookup });
      const scores = scoreSpans(devGold, dev.map((s) => tagger.tag(s.words)));
      console.log(`prune below ${minWeight}: ${(JSON.stringify(candidate).length / 1e6).toFixed(2)} MB, ${rows.features.length} features, dev micro F1 ${pct(scores.micro.f1)}`);
    }
  }

  const exported = trainer.exportWeights(best.averaged, opts.minWeight);
  const model = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    labels: labelNames,
    features: exported.features,
    weights: exported.weights,
    scale: exported.scale,
    transitions: exported.transitions,
    casing: casingLists,
    clusters: clusterLists,
    info: {
      trainedOn: 'CoNLL-2003 eng.train (tokens re-split with the engine tokenizer)',
      epochsChosenOnDev: opts.epochs ? null : best.epoch,
      epochs: best.epoch,
      seed: opts.seed,
      augmented: opts.augment,
      gazetteer: opts.gazetteer,
      unlabelledText: opts.corpus ? ['conll2003/eng.train', ...UNLABELLED_DIRS] : ['conll2003/eng.train'],
      clusters: opts.clusters,
      minWeight: opts.minWeight,
      featuresBeforePruning: trainer.featureCount,
      devMicroF1BeforeQuantising: Math.round(best.f1 * 1e4) / 1e4,
    },
  };
  const json = JSON.stringify(model);
  fs.mkdirSync(path.dirname(opts.out), { recursive: true });
  fs.writeFileSync(opts.out, json);

  // Re-read the written model and tag the dev words through the public API: these are the numbers
  // users get (pruned, quantised, string features), not the trainer's.
  const tagger = new NerTagger(JSON.parse(fs.readFileSync(opts.out, 'utf8')), { placeLookup });
  const predicted = dev.map((s) => tagger.tag(s.words));
  // Speed on a second pass, once the JIT has settled; CPU time too, since on a shared machine the
  // wall clock also measures the neighbours.
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (const s of dev) tagger.tag(s.words);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const devTokens = dev.reduce((n, s) => n + s.words.length, 0);

  console.log('');
  console.log(`training time: ${trainingSeconds.toFixed(1)} s (best epoch ${best.epoch})`);
  printScores('dev (eng.testa), shipped model through NerTagger:', scoreSpans(devGold, predicted));
  console.log(
    `model: ${opts.out} ${(json.length / 1e6).toFixed(2)} MB, ${exported.features.length} features ` +
      `(of ${trainer.featureCount}), ${exported.entries} weights`,
  );
  console.log(
    `decoding: ${Math.round(devTokens / seconds)} tokens/s wall, ${Math.round(devTokens / cpuSeconds)} per CPU second ` +
      `(${devTokens} dev tokens, gazetteer ${placeLookup ? 'on' : 'off'})`,
  );
}

main().catch((err) => {
  console.error(err.stack || err.message);
  process.exitCode = 1;
});
