// The statistical entity tagger: the perceptron learns, the shipped model reads news sentences written
// for this test (never taken from ../shared), and the model format survives a round trip.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { tokenize } from '../../server/src/engine/text';
import { NerModelData, NerTagger, PlaceLookup } from '../../server/src/engine/ner';
import { Transitions, viterbi } from '../../server/src/engine/ner/decode';
import {
  HEADLINE_CAPITALISED,
  HEADLINE_CAPS,
  HEADLINE_CASED,
  HEADLINE_CONTENT,
  headlineBits,
  headlineKind,
  isShoutedSentence,
  isTitleCasedSentence,
  sentenceFeatures,
  stripPossessive,
  tokenFacts,
} from '../../server/src/engine/ner/features';
import {
  EntitySpan,
  allowedTransitions,
  bilouLabelNames,
  labelIdsToSpans,
  parseLabel,
  spansToLabelIds,
} from '../../server/src/engine/ner/labels';
import { decodeBase64, decodeWeightRows, encodeBase64, encodeWeightRows } from '../../server/src/engine/ner/model';
import { PerceptronTrainer, seededRandom } from '../../server/src/engine/ner/perceptron';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const MODEL_FILE = path.join(REPO_ROOT, 'models', 'ner.json');

let shippedModel: NerModelData | undefined;
function model(): NerModelData {
  shippedModel ??= JSON.parse(fs.readFileSync(MODEL_FILE, 'utf8')) as NerModelData;
  return shippedModel;
}

/** Entities of one sentence as "[TYPE words]", tokenised by the engine's own tokenizer. */
function entities(tagger: NerTagger, sentence: string): string[] {
  const words = tokenize(sentence).map((t) => t.text);
  return tagger.tag(words).map((s) => `[${s.label} ${words.slice(s.start, s.end).join(' ')}]`);
}

describe('ner labels', () => {
  const names = bilouLabelNames();
  const parts = names.map(parseLabel);

  it('round-trips spans through BILOU label ids', () => {
    const spans: EntitySpan[] = [
      { start: 0, end: 2, label: 'PER' },
      { start: 3, end: 4, label: 'LOC' },
      { start: 4, end: 7, label: 'ORG' },
    ];
    const ids = spansToLabelIds(8, spans, names);
    assert.deepStrictEqual(
      ids.map((id) => names[id]),
      ['B-PER', 'L-PER', 'O', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG', 'O'],
    );
    assert.deepStrictEqual(labelIdsToSpans(ids, parts), spans);
  });

  it('allows only well-formed transitions', () => {
    const allowed = allowedTransitions(names);
    const width = names.length + 1;
    const ok = (from: string, to: string) => {
      const f = from === 'START' ? names.length : names.indexOf(from);
      const t = to === 'END' ? names.length : names.indexOf(to);
      return allowed[f * width + t] === 1;
    };
    assert.ok(ok('START', 'B-PER') && ok('B-PER', 'I-PER') && ok('I-PER', 'L-PER') && ok('L-PER', 'U-LOC'));
    assert.ok(ok('O', 'END') && ok('U-ORG', 'END'));
    assert.ok(!ok('O', 'I-PER') && !ok('B-PER', 'L-ORG') && !ok('B-PER', 'O') && !ok('I-LOC', 'END'));
    assert.ok(!ok('START', 'L-MISC'));
  });

  it('decodes a well-formed sequence even when emissions favour an ill-formed one', () => {
    const t = new Transitions(names);
    const n = 2;
    const emissions = new Float64Array(n * names.length);
    emissions[names.indexOf('I-PER')] = 5; // token 0 wants I-PER, which cannot start a sentence
    emissions[names.length + names.indexOf('O')] = 1;
    const out = new Int32Array(n);
    viterbi(emissions, n, t, out);
    assert.ok(labelIdsToSpans(out, parts).every((s) => s.end > s.start));
    assert.notStrictEqual(names[out[0]], 'I-PER');
  });

  it('decodes exactly as the plain Viterbi recursion, ties to the lower label included', () => {
    // The decoder skips the full maximum when the best previous label clearly wins; small integer
    // scores make many exact ties, where the lower label index must still win.
    const n = names.length;
    const width = n + 1;
    const random = seededRandom(7);
    const plain = (emissions: Float64Array, length: number, t: Transitions): number[] => {
      const score: number[][] = [];
      const back: number[][] = [];
      for (let i = 0; i < length; i++) {
        score.push([]);
        back.push([]);
        for (let y = 0; y < n; y++) {
          let best = -Infinity;
          let arg = -1;
          if (i === 0) {
            if (t.allowed[n * width + y]) best = t.weights[n * width + y];
          } else {
            for (let p = 0; p < n; p++) {
              if (!t.allowed[p * width + y]) continue;
              const s = score[i - 1][p] + t.weights[p * width + y];
              if (s > best) {
                best = s;
                arg = p;
              }
            }
          }
          score[i].push(best + emissions[i * n + y]);
          back[i].push(arg);
        }
      }
      let best = -Infinity;
      let arg = 0;
      for (let y = 0; y < n; y++) {
        if (!t.allowed[y * width + n]) continue;
        const s = score[length - 1][y] + t.weights[y * width + n];
        if (s > best) {
          best = s;
          arg = y;
        }
      }
      const labels = [arg];
      for (let i = length - 1; i > 0; i--) labels.unshift(back[i][labels[0]]);
      return labels;
    };
    // The usual order takes the decoder written out for BILOU; sorted names, the one for any labels.
    const sorted = [...names].sort();
    assert.strictEqual(new Transitions(names).bilouTypes, 4);
    assert.strictEqual(new Transitions(sorted).bilouTypes, 0);
    for (let trial = 0; trial < 600; trial++) {
      const coarse = trial % 2 === 0;
      const value = () => (coarse ? Math.floor(random() * 4) - 2 : (random() - 0.5) * 10);
      const t = new Transitions(trial % 4 < 2 ? names : sorted, Array.from({ length: width * width }, value));
      const length = 1 + Math.floor(random() * 12);
      const emissions = Float64Array.from({ length: length * n }, value);
      const out = new Int32Array(length);
      viterbi(emissions, length, t, out);
      assert.deepStrictEqual(Array.from(out), plain(emissions, length, t), `trial ${trial}`);
    }
  });

  it('decodes a stretch between two O labels as the whole sentence with those tokens held at O', () => {
    const n = names.length;
    const outside = names.indexOf('O');
    const random = seededRandom(11);
    for (let trial = 0; trial < 300; trial++) {
      const value = () => (trial % 2 === 0 ? Math.floor(random() * 4) - 2 : (random() - 0.5) * 10);
      const t = new Transitions(names, Array.from({ length: (n + 1) * (n + 1) }, value));
      const length = 3 + Math.floor(random() * 10);
      const emissions = Float64Array.from({ length: length * n }, value);
      // Tokens 0 and length - 1 may only be O: the whole sentence must decode through them.
      for (const i of [0, length - 1]) for (let y = 0; y < n; y++) if (y !== outside) emissions[i * n + y] = -Infinity;
      const whole = new Int32Array(length);
      viterbi(emissions, length, t, whole);
      const stretch = new Int32Array(length);
      viterbi(emissions, length - 2, t, stretch, undefined, outside, outside, 1);
      assert.deepStrictEqual(Array.from(stretch.subarray(1, length - 1)), Array.from(whole.subarray(1, length - 1)), `trial ${trial}`);
    }
  });
});

describe('ner features', () => {
  it('reads a possessive word like the word followed by a possessive', () => {
    assert.deepStrictEqual(stripPossessive("Assad's"), { core: 'Assad', possessive: true });
    assert.deepStrictEqual(stripPossessive('Assad’s'), { core: 'Assad', possessive: true });
    assert.deepStrictEqual(stripPossessive("rebels'"), { core: 'rebels', possessive: true });
    assert.deepStrictEqual(stripPossessive("'s"), { core: "'s", possessive: false });
    assert.strictEqual(tokenFacts("Assad's").norm, 'assad');
  });

  it('classes an Arabic article before a name as a capitalised word', () => {
    const f = tokenFacts('al-Harir');
    assert.strictEqual(f.casing, 'init');
    assert.ok(f.arabicArticle);
    assert.strictEqual(tokenFacts('well-known').casing, 'low');
  });

  it('is deterministic and gives every token its features', () => {
    const words = ['Rebels', 'entered', 'Homs', '.'];
    const resources = { casing: new Map() };
    const a = sentenceFeatures(words, resources);
    assert.strictEqual(a.length, words.length);
    assert.deepStrictEqual(a, sentenceFeatures(words, resources));
    assert.ok(a[2].includes('w=homs') && a[2].includes('w-1=entered') && a[2].includes('W=Homs'));
  });

  it('reads prefixes and suffixes of up to four characters of the normalised word, none of punctuation', () => {
    const [word, dot] = sentenceFeatures(['Assad’s', '.'], { casing: new Map() });
    const affixes = word.filter((f) => /^[px]\d=/.test(f));
    assert.deepStrictEqual(affixes, ['p1=a', 'x1=d', 'p2=as', 'x2=ad', 'p3=ass', 'x3=sad', 'p4=assa', 'x4=ssad']);
    assert.deepStrictEqual(sentenceFeatures(['Al'], { casing: new Map() })[0].filter((f) => /^[px]\d=/.test(f)), ['p1=a', 'x1=l', 'p2=al', 'x2=al']);
    assert.ok(!dot.some((f) => /^[px]\d=/.test(f)));
  });

  it('tells headlines from per-word counts as from the whole sentence', () => {
    const vocabulary = ['SYRIA', 'Syria', 'syria', 'of', 'OF', 'Of', 'a', 'A', 'I', '3', '.', 'iPhone', 'al-Harir', 'U.S.', 'x', 'NEAR'];
    const random = seededRandom(5);
    for (let trial = 0; trial < 2000; trial++) {
      const facts = Array.from({ length: Math.floor(random() * 14) }, () => tokenFacts(vocabulary[Math.floor(random() * vocabulary.length)]));
      const counts = [HEADLINE_CASED, HEADLINE_CAPS, HEADLINE_CONTENT, HEADLINE_CAPITALISED].map(
        (bit) => facts.filter((f) => headlineBits(f) & bit).length,
      );
      const expected = isShoutedSentence(facts) ? 1 : isTitleCasedSentence(facts) ? 2 : 0;
      assert.strictEqual(headlineKind(counts[0], counts[1], counts[2], counts[3]), expected, facts.map((f) => f.core).join(' '));
    }
  });
});

describe('ner perceptron', () => {
  // A toy language: a capitalised word after "in" or "near" is a place, after "Mr" or "Mrs" a person,
  // and a capitalised word before "Corp" starts a two-word organisation.
  const names = bilouLabelNames();
  const placeNames = ['Zorvan', 'Kelt', 'Amberly', 'Tosh', 'Varn', 'Ollep'];
  const personNames = ['Quill', 'Brand', 'Feyre', 'Dobbs', 'Hask', 'Ivel'];
  const companyNames = ['Anvil', 'Orbis', 'Teller', 'Mox', 'Juno', 'Pell'];
  const fillers = ['the', 'talks', 'went', 'on', 'today', 'and', 'later', 'it', 'rained'];

  function toySentence(random: () => number): { words: string[]; spans: EntitySpan[] } {
    const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    const words: string[] = [];
    const spans: EntitySpan[] = [];
    for (let k = 0; k < 3; k++) {
      words.push(pick(fillers));
      const kind = Math.floor(random() * 3);
      if (kind === 0) {
        words.push(pick(['in', 'near']));
        spans.push({ start: words.length, end: words.length + 1, label: 'LOC' });
        words.push(pick(placeNames));
      } else if (kind === 1) {
        words.push(pick(['Mr', 'Mrs']));
        spans.push({ start: words.length, end: words.length + 1, label: 'PER' });
        words.push(pick(personNames));
      } else {
        spans.push({ start: words.length, end: words.length + 2, label: 'ORG' });
        words.push(pick(companyNames), 'Corp');
      }
    }
    words.push('.');
    return { words, spans };
  }

  it('learns the toy language and generalises to unseen names', () => {
    const random = seededRandom(42);
    const resources = { casing: new Map() };
    const trainer = new PerceptronTrainer(names);
    const data = Array.from({ length: 200 }, () => toySentence(random));
    const indexed = data.map((s) =>
      trainer.addTrainingSentence({
        features: sentenceFeatures(s.words, resources),
        labels: spansToLabelIds(s.words.length, s.spans, names),
      }),
    );
    const mistakes: number[] = [];
    for (let epoch = 0; epoch < 5; epoch++) mistakes.push(trainer.trainEpoch(indexed));
    assert.ok(mistakes[0] > 0, 'the first pass makes mistakes');
    assert.strictEqual(mistakes[mistakes.length - 1], 0, `mistakes per epoch: ${mistakes}`);

    const exported = trainer.exportWeights(trainer.averaged(), 0);
    const toyModel: NerModelData = {
      format: 'newslens-ner',
      version: 1,
      labels: names,
      features: exported.features,
      weights: exported.weights,
      scale: exported.scale,
      transitions: exported.transitions,
      casing: { C: '', c: '', m: '', l: '' },
    };
    const tagger = new NerTagger(toyModel);
    // Names never seen in training: only context and shape can tell their types.
    const words = ['later', 'in', 'Pardo', 'and', 'Mrs', 'Wexley', 'and', 'Gantry', 'Corp', '.'];
    assert.deepStrictEqual(tagger.tag(words), [
      { start: 2, end: 3, label: 'LOC' },
      { start: 5, end: 6, label: 'PER' },
      { start: 7, end: 9, label: 'ORG' },
    ]);
  });
});

describe('ner model format', () => {
  it('round-trips bytes through base64', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 300]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 255);
      assert.deepStrictEqual(decodeBase64(encodeBase64(bytes)), bytes);
      assert.strictEqual(encodeBase64(bytes), Buffer.from(bytes).toString('base64'));
    }
  });

  it('keeps weights through pruning and quantisation', () => {
    const dense = [0.5, 0, -2, 0.001, 0, 0, 3, -0.25, 0];
    const rows = encodeWeightRows(['f1', 'f2', 'f3'], dense, 3, 0.01);
    assert.deepStrictEqual(rows.features, ['f1', 'f3']); // f2 keeps nothing above 0.01
    const decoded = decodeWeightRows({
      format: 'newslens-ner',
      version: 1,
      labels: ['O', 'X', 'Y'],
      features: rows.features,
      weights: rows.weights,
      scale: rows.scale,
      transitions: [],
      casing: { C: '', c: '', m: '', l: '' },
    });
    const weightOf = (feature: string, label: number) => {
      const r = rows.features.indexOf(feature);
      for (let e = decoded.entryStart[r]; e < decoded.entryStart[r + 1]; e++) {
        if (decoded.entryLabel[e] === label) return decoded.entryWeight[e];
      }
      return 0;
    };
    assert.ok(Math.abs(weightOf('f1', 0) - 0.5) < 1e-3);
    assert.ok(Math.abs(weightOf('f1', 2) + 2) < 1e-3);
    assert.ok(Math.abs(weightOf('f3', 0) - 3) < 1e-3);
    assert.ok(Math.abs(weightOf('f3', 1) + 0.25) < 1e-3);
    assert.strictEqual(weightOf('f3', 2), 0);
  });
});

describe('ner shipped model', () => {
  let tagger: NerTagger;
  before(() => {
    tagger = new NerTagger(model());
  });

  it('is small enough to ship', () => {
    assert.ok(fs.statSync(MODEL_FILE).size < 20e6);
  });

  it('finds a person behind a title and a place', () => {
    assert.deepStrictEqual(entities(tagger, 'Foreign Minister Sergei Lavrov told reporters in Geneva that the talks would resume next week.'), [
      '[PER Sergei Lavrov]',
      '[LOC Geneva]',
    ]);
  });

  it('keeps "of" inside an organisation name', () => {
    assert.deepStrictEqual(entities(tagger, 'The Bank of England left interest rates unchanged on Thursday.'), ['[ORG Bank of England]']);
    assert.deepStrictEqual(entities(tagger, 'The University of Damascus reopened after the truce.'), ['[ORG University of Damascus]']);
  });

  it('reads Arabic place names with an article as one place', () => {
    assert.deepStrictEqual(entities(tagger, 'Heavy shelling hit the town of Busra al-Harir in Deraa province on Sunday.'), [
      '[LOC Busra al-Harir]',
      '[LOC Deraa]',
    ]);
  });

  it('separates a person from the organisation he heads when the commas were stripped', () => {
    assert.deepStrictEqual(
      entities(tagger, 'Rami Abdulrahman head of the Syrian Observatory for Human Rights said 12 civilians were killed in Hama'),
      ['[PER Rami Abdulrahman]', '[ORG Syrian Observatory for Human Rights]', '[LOC Hama]'],
    );
  });

  it('tags a possessive name as one token, the same way as the split CoNLL form', () => {
    const joined = tokenize("Mohammed al-Khatib's brother was arrested in Aleppo.").map((t) => t.text);
    assert.deepStrictEqual(tagger.tag(joined), [
      { start: 0, end: 2, label: 'PER' },
      { start: 6, end: 7, label: 'LOC' },
    ]);
    const split = ['Mohammed', 'al-Khatib', "'s", 'brother', 'was', 'arrested', 'in', 'Aleppo', '.'];
    assert.deepStrictEqual(tagger.tag(split), [
      { start: 0, end: 2, label: 'PER' },
      { start: 7, end: 8, label: 'LOC' },
    ]);
  });

  it('asks the injected place lookup about capitalised phrases and uses its answer', () => {
    const asked: string[] = [];
    const lookup: PlaceLookup = (phrase) => {
      asked.push(phrase);
      return phrase === 'Kobani' ? 'place' : null;
    };
    const withPlaces = new NerTagger(model(), { placeLookup: lookup });
    const sentence = 'Islamic State militants attacked Kobani on Friday.';
    assert.deepStrictEqual(entities(withPlaces, sentence), ['[ORG Islamic State]', '[LOC Kobani]']);
    // Longest phrase first, capitalised words only: never "militants" or "on".
    assert.deepStrictEqual(asked, ['Islamic State', 'Islamic', 'State', 'Kobani', 'Friday']);
    // A phrase is asked about once: the answers are remembered by its words.
    entities(withPlaces, 'the siege of Kobani ended on Friday.');
    assert.deepStrictEqual(asked, ['Islamic State', 'Islamic', 'State', 'Kobani', 'Friday']);
  });

  it('labels as it would scoring every token, lower-case stretches and names in lower case included', () => {
    const everyToken = new NerTagger(model(), { scoreAll: true });
    const sentences = [
      'The bombers struck near the police headquarters in central Damascus, the interior ministry said in a statement carried by state media on Wednesday.',
      'at least twelve people were killed and dozens more were wounded when the shells hit the market, a local doctor told reporters.',
      'The Federal office for motor vehicles said registrations rose.',
      'residents of aleppo and idlib said the strikes continued through the night.',
      'Activists said 14 people died.',
    ];
    for (const sentence of sentences) {
      const words = tokenize(sentence).map((t) => t.text);
      assert.deepStrictEqual(tagger.tagLabels(words), everyToken.tagLabels(words), sentence);
    }
  });

  it('tags nothing in an empty sentence and the same spans every time', () => {
    assert.deepStrictEqual(tagger.tag([]), []);
    const words = tokenize('Dr. Nadia Haddad of the World Health Organization visited Idlib.').map((t) => t.text);
    const first = tagger.tag(words);
    assert.deepStrictEqual(
      first.map((s) => `${s.label} ${words.slice(s.start, s.end).join(' ')}`),
      ['PER Nadia Haddad', 'ORG World Health Organization', 'LOC Idlib'],
    );
    assert.deepStrictEqual(tagger.tag(words), first);
  });
});
