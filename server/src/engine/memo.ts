// A bounded least-recently-used map, for readings of a sentence that depend on nothing but its text:
// an edit in an open article changes one sentence of hundreds, and a server indexing an archive sees
// millions of sentences, so what is remembered must stay bounded.

export class LruMemo<K, V> {
  private readonly entries = new Map<K, V>();
  /**
   * One iterator over the entries, kept from one eviction to the next. A Map deletes by leaving a hole
   * that stays until the table is rebuilt, so a fresh `keys().next()` walks past every entry evicted or
   * moved since then: thousands per eviction in a full memo. A Map iterator is live (it sees entries
   * added after it was made and skips those deleted before it reaches them), and every entry it has
   * passed was evicted, so its next key is always the oldest entry, found without walking again.
   */
  private oldest: Iterator<K> | undefined;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Map keeps insertion order: moving the entry to the end makes the first entry the oldest.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      this.oldest ??= this.entries.keys();
      this.entries.delete(this.oldest.next().value as K);
    }
  }
}
