// Small helpers over plain collections, shared by the steps of the pipeline.

/** The items under their keys, each list in the order of `items`. */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Words to look a token up in, written as one string with a space between them. A set answers what an
 * anchored alternation /^(?:a|b)$/ answers, for less: the word lists read for every token, or around
 * every figure or cue, are sets.
 */
export function wordSet(words: string): Set<string> {
  return new Set(words.split(' '));
}
