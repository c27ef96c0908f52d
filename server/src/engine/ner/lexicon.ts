// The casing lexicon: how each word is usually written where capitals carry information. It lets the
// tagger tell "Police" opening a sentence or shouted in a headline (usually "police") from "Homs" (always
// capitalised), which word identity alone cannot do for words the labelled data barely saw. Built at
// training time from unlabelled text, shipped inside the model.

import { CasingBucket, isShoutedSentence, isTitleCasedSentence, tokenFacts } from './features';

/** Tokens after which a capital is expected whatever the word: sentence-like openings. */
const OPENERS = new Set(['.', '!', '?', ':', ';', '"', '“', '‘', "'", '-', '--', '—', '(', '[']);

export class CasingCounter {
  private readonly capitalised = new Map<string, number>();
  private readonly total = new Map<string, number>();

  addSentence(words: readonly string[]): void {
    const facts = words.map((w) => tokenFacts(w));
    if (isShoutedSentence(facts) || isTitleCasedSentence(facts)) return;
    for (let i = 1; i < facts.length; i++) {
      if (OPENERS.has(words[i - 1])) continue;
      const f = facts[i];
      if (f.casing === 'punct' || f.casing === 'num') continue;
      const upper = f.casing !== 'low';
      this.total.set(f.norm, (this.total.get(f.norm) ?? 0) + 1);
      if (upper) this.capitalised.set(f.norm, (this.capitalised.get(f.norm) ?? 0) + 1);
    }
  }

  /** Space-separated words per bucket, words sorted so that the output is reproducible. */
  buckets(minCount: number): Record<CasingBucket, string> {
    const lists: Record<CasingBucket, string[]> = { C: [], c: [], m: [], l: [] };
    for (const [word, total] of this.total) {
      if (total < minCount || word.includes(' ')) continue;
      const ratio = (this.capitalised.get(word) ?? 0) / total;
      const bucket: CasingBucket = ratio >= 0.9 ? 'C' : ratio >= 0.6 ? 'c' : ratio >= 0.25 ? 'm' : 'l';
      lists[bucket].push(word);
    }
    const joined = (b: CasingBucket) => lists[b].sort().join(' ');
    return { C: joined('C'), c: joined('c'), m: joined('m'), l: joined('l') };
  }
}
