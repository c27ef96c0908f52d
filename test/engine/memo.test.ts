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
});
