// The tagger's emission scorer (features interned to integers at load time) against the definition it
// compiles: the features of emitFeatures, looked up as strings and summed row by row. The scores must
// be exactly equal, or the tagger would not decode what it was trained to.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { tokenize } from '../../server/src/engine/text';
import { NerModelData, PlaceLookup } from '../../server/src/engine/ner';
import { FeatureSink, TEMPLATES, emitFeatures, emitWordFeatures, tokenFacts } from '../../server/src/engine/ner/features';
import { casingLexicon, clusterLookup, decodeWeightRows, WeightRows } from '../../server/src/engine/ner/model';
import { EmissionScorer, sumsAreExact } from '../../server/src/engine/ner/scorer';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const MODEL_FILE = path.join(REPO_ROOT, 'models', 'ner.json');

/** Scores by the book: every feature string of emitFeatures, looked up in the model's feature list. */
function referenceScores(
  model: NerModelData,
  rows: WeightRows,
  rowOf: ReadonlyMap<string, number>,
  clusters: ReadonlyMap<string, readonly string[]>,
  words: readonly string[],
  placeLookup?: PlaceLookup,
): Float64Array {
  const labelCount = model.labels.length;
  const emissions = new Float64Array(words.length * labelCount);
  let base = 0;
  const add = (feature: string) => {
    const r = rowOf.get(feature);
    if (r === undefined) return;
    for (let e = rows.entryStart[r]; e < rows.entryStart[r + 1]; e++) emissions[base + rows.entryLabel[e]] += rows.entryWeight[e];
  };
  const sink: FeatureSink = {
    token(i) {
      base = i * labelCount;
    },
    word(facts, offset) {
      emitWordFeatures(facts, offset, this);
    },
    one: (t, a) => add(`${TEMPLATES[t]}=${a}`),
    two: (t, a, b) => add(`${TEMPLATES[t]}=${a} ${b}`),
    three: (t, a, b, c) => add(`${TEMPLATES[t]}=${a} ${b} ${c}`),
  };
  emitFeatures(words, { casing: casingLexicon(model), clusters, placeLookup, facts: (w) => tokenFacts(w, clusters) }, sink);
  return emissions;
}

describe('ner emission scorer', () => {
  let model: NerModelData;
  let rows: WeightRows;
  let rowOf: Map<string, number>;
  let clusters: Map<string, string[]>;
  before(() => {
    model = JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as NerModelData;
    rows = decodeWeightRows(model);
    rowOf = new Map(model.features.map((f, r) => [f, r]));
    clusters = clusterLookup(model.clusters);
  });

  // Capitalised phrases the stub gazetteer knows, of every kind and length.
  const places: Record<string, ReturnType<PlaceLookup>> = {
    Syria: 'country',
    Aleppo: 'place',
    'Deir ez-Zor': 'place',
    'Busra al-Harir': 'town',
    Hasaka: 'variant',
    'Ras al Ain': 'town',
    Kobani: 'place',
  };
  const lookup: PlaceLookup = (phrase) => places[phrase] ?? null;

  const sentences = [
    'Foreign Minister Sergei Lavrov told reporters in Geneva that the talks would resume next week.',
    "Mohammed al-Khatib's brother was arrested in Aleppo, activists said.",
    '"We will not leave," said Abu Ahmad, 45, a resident of Deir ez-Zor.',
    'SYRIAN TROOPS RETAKE BUSRA AL-HARIR FROM REBELS',
    'Regime Forces Retake Town Near Aleppo After Heavy Clashes In Hasaka',
    '- The Syrian Observatory for Human Rights said 1,200 people were killed in Ras al Ain and Kobani.',
    'U.S.-led coalition jets struck Islamic State positions near Raqqa on Tuesday ( AFP )',
    'Ḩamāh and Ḩimş were shelled overnight; the UN’s envoy called it “unacceptable”.',
    'Syria',
    '.',
    'in the rebels’ stronghold of Idlib and in Syria’s north-east, 3 km away',
  ];

  for (const withPlaces of [true, false]) {
    it(`scores every token exactly as the feature strings do (${withPlaces ? 'with' : 'without'} a place lookup)`, () => {
      const placeLookup = withPlaces ? lookup : undefined;
      const scorer = new EmissionScorer(
        model.features,
        rows,
        model.labels.length,
        casingLexicon(model),
        clusters,
        placeLookup,
      );
      const emissions = new Float64Array(4096);
      // Twice, so that the second round reads the scorer's caches.
      for (let round = 0; round < 2; round++) {
        for (const sentence of sentences) {
          const words = tokenize(sentence).map((t) => t.text);
          scorer.score(words, emissions);
          const expected = referenceScores(model, rows, rowOf, clusters, words, placeLookup);
          assert.deepStrictEqual(emissions.subarray(0, expected.length), expected, sentence);
        }
      }
      // Split possessives and whitespace inside a token, which only other tokenisers produce.
      for (const words of [['Assad', "'s", 'forces'], ['New York', 'Times']]) {
        scorer.score(words, emissions);
        const expected = referenceScores(model, rows, rowOf, clusters, words, placeLookup);
        assert.deepStrictEqual(emissions.subarray(0, expected.length), expected, words.join(' '));
      }
    });
  }

  it('scores the tokens near names exactly when it leaves the others unscored', () => {
    // Blocks of words first seen far from any name are worked out when a later sentence needs them.
    const outside = model.labels.indexOf('O');
    const scorer = new EmissionScorer(model.features, rows, model.labels.length, casingLexicon(model), clusters, lookup, outside);
    const labelCount = model.labels.length;
    const emissions = new Float64Array(4096);
    const nearNames = new Uint8Array(256);
    let scored = 0;
    for (const sentence of ['the rebels said the talks would resume next week.', ...sentences, 'rebels said talks in Aleppo would resume next week.']) {
      const words = tokenize(sentence).map((t) => t.text);
      scorer.score(words, emissions, nearNames);
      const expected = referenceScores(model, rows, rowOf, clusters, words, lookup);
      for (let i = 0; i < words.length; i++) {
        if (!nearNames[i]) continue;
        scored++;
        const at = i * labelCount;
        assert.deepStrictEqual(emissions.subarray(at, at + labelCount), expected.subarray(at, at + labelCount), `${sentence}: ${words[i]}`);
      }
    }
    assert.ok(scored > 0);
  });

  it('scores as before after forgetting the words and phrases it knew', () => {
    const scorer = new EmissionScorer(model.features, rows, model.labels.length, casingLexicon(model), clusters, lookup);
    const emissions = new Float64Array(4096);
    const check = () => {
      for (const sentence of sentences) {
        const words = tokenize(sentence).map((t) => t.text);
        scorer.score(words, emissions);
        const expected = referenceScores(model, rows, rowOf, clusters, words, lookup);
        assert.deepStrictEqual(emissions.subarray(0, expected.length), expected, sentence);
      }
    };
    check();
    // More distinct words than the scorer keeps, capitalised runs among them for the phrase tree.
    for (let s = 0; s < 500; s++) {
      const words = Array.from({ length: 50 }, (_, k) => (k % 3 === 0 ? `zork${s}x${k}` : `Zork${s}x${k}`));
      scorer.score(words, emissions);
    }
    check();
  });

  it('scores the same features when sums are not exact, keeping the order of the feature strings', () => {
    // One tiny weight makes the range too wide for exact sums: the scorer then adds row by row.
    const entryWeight = Float32Array.from(rows.entryWeight);
    entryWeight[0] = 1e-20;
    const inexact: WeightRows = { ...rows, entryWeight };
    assert.ok(!sumsAreExact(entryWeight));
    const scorer = new EmissionScorer(model.features, inexact, model.labels.length, casingLexicon(model), clusters, lookup);
    const emissions = new Float64Array(4096);
    for (const sentence of sentences) {
      const words = tokenize(sentence).map((t) => t.text);
      scorer.score(words, emissions);
      const expected = referenceScores(model, inexact, rowOf, clusters, words, lookup);
      expected.forEach((v, k) => assert.ok(Math.abs(emissions[k] - v) < 1e-9, `${sentence}: ${emissions[k]} vs ${v}`));
    }
  });

  it('knows when scores can be summed in any order', () => {
    assert.ok(sumsAreExact(rows.entryWeight), 'the shipped weights are quantised');
    assert.ok(sumsAreExact(Float32Array.from([3, -1.5, 0.25, 0])));
    assert.ok(!sumsAreExact(Float32Array.from([1e-30, 1e10])));
    assert.ok(!sumsAreExact(Float32Array.from([1, Infinity])));
  });
});
