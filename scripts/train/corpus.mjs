// Unlabelled sentences from ../shared/corpus/syria, tokenised as the engine does, for the casing
// lexicon. Only word statistics derived from them end up in the model, never text.

import fs from 'node:fs';
import path from 'node:path';

/** @returns {Generator<string[]>} the words of each sentence of each .txt file, files in name order */
export function* readCorpusSentences(dir, tokenize) {
  if (!fs.existsSync(dir)) return;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    for (const line of text.split(/\r?\n/)) {
      const words = tokenize(line).map((t) => t.text);
      let start = 0;
      for (let i = 0; i < words.length; i++) {
        if (words[i] === '.' || words[i] === '!' || words[i] === '?') {
          if (i + 1 > start) yield words.slice(start, i + 1);
          start = i + 1;
        }
      }
      if (start < words.length) yield words.slice(start);
    }
  }
}
