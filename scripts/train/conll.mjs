// CoNLL-2003 reading for training: IOB1 tags to spans, CoNLL tokens re-split with the engine's
// tokenizer (so that "Corp." becomes "Corp" "." exactly as the engine will see it), and, for the
// training split only, seeded augmentation towards the text the engine meets in real use.

import fs from 'node:fs';

/** @returns {Array<Array<{word: string, tag: string}>>} one array per sentence, -DOCSTART- dropped */
export function readConll(file) {
  const sentences = [];
  let current = [];
  const flush = () => {
    if (current.length) sentences.push(current);
    current = [];
  };
  for (const raw of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('-DOCSTART-')) {
      flush();
      continue;
    }
    const cols = line.split(/\s+/);
    current.push({ word: cols[0], tag: cols[cols.length - 1] });
  }
  flush();
  return sentences;
}

/**
 * IOB1 to tokens that know their span: I-X continues a span of type X when the previous token is
 * of type X, B-X always starts a new one. Keeping a span id per token (rather than tags) lets
 * augmentation delete and merge tokens without two neighbouring spans fusing.
 */
function withSpanIds(sentence) {
  const spans = [];
  let prevType = null;
  return {
    tokens: sentence.map(({ word, tag }) => {
      if (tag === 'O') {
        prevType = null;
        return { word, span: -1 };
      }
      const [prefix, type] = tag.split('-');
      if (prefix === 'B' || type !== prevType) spans.push(type);
      prevType = type;
      return { word, span: spans.length - 1 };
    }),
    types: spans,
  };
}

const POSSESSIVE = new Set(["'s", "'S", '’s', "'"]);

/**
 * Real news writes "Assad's" (the engine keeps it one token) and the Syria corpus, with apostrophes
 * stripped, "Assads"; CoNLL always splits "Assad 's". Merging some possessives teaches the model the
 * other two forms. Dropping all commas from some sentences does the same for comma-stripped text.
 */
/**
 * Swaps mentions for names of the kind NewsLens reads (see names.mjs). Runs before the other
 * augmentation, so a swapped name can still get a possessive or lose its commas.
 */
function replaceMentions(tokens, types, random, makers) {
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    const maker = tok.span >= 0 && (i === 0 || tokens[i - 1].span !== tok.span) ? makers[types[tok.span]] : null;
    if (!maker || random() >= maker.probability) {
      out.push(tok);
      continue;
    }
    let end = i + 1;
    while (end < tokens.length && tokens[end].span === tok.span) end++;
    for (const word of maker.make(random, end - i).split(' ')) out.push({ word, span: tok.span });
    i = end - 1;
  }
  return out;
}

function augment(tokens, random, isTitleWord) {
  const dropCommas = random() < 0.4;
  const titleCase = random() < 0.06;
  const out = [];
  for (const tok of tokens) {
    const prev = out[out.length - 1];
    if (POSSESSIVE.has(tok.word) && tok.span === -1 && prev && /\p{L}$/u.test(prev.word)) {
      const r = random();
      if (r < 0.35) {
        out[out.length - 1] = { ...prev, word: prev.word + tok.word };
        continue;
      }
      if (r < 0.5 && tok.word !== "'") {
        out[out.length - 1] = { ...prev, word: prev.word + 's' };
        continue;
      }
    }
    if (dropCommas && tok.word === ',' && tok.span === -1) continue;
    out.push(tok);
  }
  if (titleCase && !out.some((t) => /\p{Lu}{2}/u.test(t.word))) {
    // Headlines of real news are often title-cased ("Rebels Retake Town Near Aleppo"); CoNLL's are in
    // capitals. A few title-cased sentences teach the model that capitals there mean little.
    out.forEach((tok, i) => {
      if (/^\p{Ll}/u.test(tok.word) && (i === 0 || !isTitleWord(tok.word.toLowerCase()))) {
        out[i] = { ...tok, word: tok.word[0].toUpperCase() + tok.word.slice(1) };
      }
    });
  }
  return out;
}

/**
 * @param sentences from readConll
 * @param tokenize the engine's tokenizer (out/server/src/engine/text.js)
 * @param random seeded generator for augmentation, or null for none
 * @param isTitleWord words a title-cased headline leaves in lower case (from the compiled features)
 * @param makers mention replacements per type (names.mjs), or null for none
 * @returns {Array<{words: string[], spans: Array<{start, end, label}>}>}
 */
export function toTrainingSentences(sentences, tokenize, random, isTitleWord = () => false, makers = null) {
  const result = [];
  const emit = (tokens, types) => {
    const words = [];
    const spanOfWord = [];
    for (const tok of tokens) {
      for (const piece of tokenize(tok.word)) {
        words.push(piece.text);
        spanOfWord.push(tok.span);
      }
    }
    const spans = [];
    for (let i = 0; i < words.length; i++) {
      const id = spanOfWord[i];
      if (id < 0) continue;
      if (i > 0 && spanOfWord[i - 1] === id) {
        spans[spans.length - 1].end = i + 1;
      } else {
        spans.push({ start: i, end: i + 1, label: types[id] });
      }
    }
    if (words.length) result.push({ words, spans });
  };
  for (const sentence of sentences) {
    const { tokens, types } = withSpanIds(sentence);
    if (!random) {
      emit(tokens, types);
      continue;
    }
    const replaced = makers ? replaceMentions(tokens, types, random, makers) : tokens;
    emit(augment(replaced, random, isTitleWord), types);
  }
  return result;
}
