// The bounded memo behind the analyzer's remembered sentence readings.
import * as assert from 'assert';
import { LruMemo } from '../../server/src/engine/memo';

describe('memo', () => {
  it('keeps at most its limit, dropping the entry used longest ago', () => {
    const memo = new LruMemo<string, number>(3);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    assert.strictEqual(memo.get('a'), 1); // now 'b' is the oldest
    memo.set('d', 4);
    assert.strictEqual(memo.size, 3);
    assert.strictEqual(memo.get('b'), undefined);
    assert.deepStrictEqual([memo.get('a'), memo.get('c'), memo.get('d')], [1, 3, 4]);
  });

  it('replaces the value of a key set again without growing', () => {
    const memo = new LruMemo<string, number>(2);
    memo.set('a', 1);
    memo.set('a', 2);
    memo.set('b', 3);
    assert.strictEqual(memo.size, 2);
    assert.strictEqual(memo.get('a'), 2);
  });

  it('stays bounded over many more keys than its limit', () => {
    const memo = new LruMemo<number, number>(100);
    for (let k = 0; k < 10000; k++) memo.set(k, k);
    assert.strictEqual(memo.size, 100);
    assert.strictEqual(memo.get(9999), 9999);
    assert.strictEqual(memo.get(0), undefined);
  });

  it('evicts in least-recently-used order over many evictions, gets and re-sets', () => {
    // A plain array is the reference: most recently used last.
    const memo = new LruMemo<number, number>(50);
    const order: number[] = [];
    const touch = (k: number) => {
      const at = order.indexOf(k);
      if (at >= 0) order.splice(at, 1);
      order.push(k);
    };
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let step = 0; step < 20000; step++) {
      const k = random(120);
      if (random(3) === 0) {
        const expected = order.includes(k) ? k : undefined;
        assert.strictEqual(memo.get(k), expected);
        if (expected !== undefined) touch(k);
      } else {
        memo.set(k, k);
        touch(k);
        if (order.length > 50) order.shift();
      }
      assert.strictEqual(memo.size, order.length);
    }
    for (const k of order) assert.strictEqual(memo.get(k), k);
  });
});
