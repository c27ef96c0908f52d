// The indexing pool on its own: workers return what the index keeps of an article, a worker that dies
// fails only the files it held, and without workers the main thread does the same work.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IndexPool, PoolResult, WORKER_SCRIPT, workerCount } from '../../server/src/lsp/indexPool';
import { INDEXING_NICE } from '../../server/src/lsp/indexWorker';
import { pathToUri } from '../../server/src/lsp/uris';
import { MARKET_SHELLING } from './fixtures';

/** Thread id -> nice value of this process's threads, from /proc (Linux). */
function niceOfThreads(): Map<number, number> {
  const threads = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    // Field 19 of stat is the nice value; the fields after the command name, which may hold spaces
    // and parentheses, begin with field 3.
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    threads.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19 - 3]));
  }
  return threads;
}

function indexed(result: PoolResult) {
  assert.ok('document' in result, JSON.stringify(result));
  return result.document;
}

describe('server: indexing pool', () => {
  let dir: string;
  let article: string;
  const logs: string[] = [];
  const never = () => false;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-pool-'));
    article = path.join(dir, 'market.txt');
    fs.writeFileSync(article, MARKET_SHELLING);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('analyses a file in a worker and keeps its claims, entities and lines, not its sentences', async () => {
    const pool = new IndexPool(1, (m) => logs.push(m), WORKER_SCRIPT);
    try {
      assert.ok(pool.usesWorkers, `${WORKER_SCRIPT} is missing`);
      const document = indexed(await pool.analyse(article, pathToUri(article), 1024, never));
      assert.strictEqual(document.skipped, null);
      assert.deepStrictEqual(document.analysis.claims.map((c) => c.count.text), ['at least 12', '30', 'Four']);
      assert.ok(document.analysis.entities.some((e) => e.name === 'Syrian Observatory for Human Rights'));
      assert.deepStrictEqual(document.analysis.sentences, []);
      const claim = document.analysis.claims[0];
      assert.deepStrictEqual(document.lines.rangeOf(claim).start.line, 2);
    } finally {
      pool.dispose();
    }
  });

  it('answers the same on the main thread when there is no worker script', async () => {
    const pool = new IndexPool(2, (m) => logs.push(m), path.join(dir, 'no-such-worker.js'));
    assert.strictEqual(pool.usesWorkers, false);
    const document = indexed(await pool.analyse(article, pathToUri(article), 1024, never));
    assert.deepStrictEqual(document.analysis.claims.map((c) => c.count.text), ['at least 12', '30', 'Four']);
  });

  it('fails the files of a worker that dies, then stops starting workers and analyses here', async () => {
    const broken = path.join(dir, 'broken-worker.js');
    fs.writeFileSync(broken, "throw new Error('no engine in this thread');\n");
    const messages: string[] = [];
    const pool = new IndexPool(1, (m) => messages.push(m), broken);
    try {
      const first = await pool.analyse(article, pathToUri(article), 1024, never);
      assert.ok('failed' in first && /no engine in this thread/.test(first.failed), JSON.stringify(first));
      await pool.analyse(article, pathToUri(article), 1024, never);
      await pool.analyse(article, pathToUri(article), 1024, never);
      assert.strictEqual(pool.usesWorkers, false);
      assert.match(messages[messages.length - 1], /indexing continues on the main thread$/);
      const document = indexed(await pool.analyse(article, pathToUri(article), 1024, never));
      assert.strictEqual(document.analysis.claims.length, 3);
    } finally {
      pool.dispose();
    }
  });

  it('does not analyse a file whose pass was cancelled before its turn', async () => {
    const pool = new IndexPool(1, (m) => logs.push(m), WORKER_SCRIPT);
    try {
      assert.deepStrictEqual(await pool.analyse(article, pathToUri(article), 1024, () => true), { cancelled: true });
    } finally {
      pool.dispose();
    }
  });

  it('stops workers that have been idle, and starts one again for the next file', async () => {
    const pool = new IndexPool(1, (m) => logs.push(m), WORKER_SCRIPT, 50);
    try {
      indexed(await pool.analyse(article, pathToUri(article), 1024, never));
      assert.strictEqual(pool.runningWorkers, 1);
      await new Promise((resolve) => setTimeout(resolve, 150));
      assert.strictEqual(pool.runningWorkers, 0);
      assert.strictEqual(indexed(await pool.analyse(article, pathToUri(article), 1024, never)).analysis.claims.length, 3);
    } finally {
      pool.dispose();
    }
  });

  it('runs its workers at a lower priority than the main thread, on Linux', async function () {
    if (process.platform !== 'linux') this.skip(); // elsewhere a nice value is the whole process's
    const before = niceOfThreads();
    const pool = new IndexPool(1, (m) => logs.push(m), WORKER_SCRIPT);
    try {
      indexed(await pool.analyse(article, pathToUri(article), 1024, never));
      const started = [...niceOfThreads()].filter(([tid]) => !before.has(tid));
      assert.ok(started.some(([, nice]) => nice === INDEXING_NICE), `new threads and their nice values: ${JSON.stringify(started)}`);
      assert.strictEqual(niceOfThreads().get(process.pid), before.get(process.pid), 'the main thread keeps its priority');
    } finally {
      pool.dispose();
    }
  });

  it('sizes itself from the setting, or from the cores when the setting is 0', () => {
    assert.strictEqual(workerCount(3), 3);
    assert.ok(workerCount(0) >= 1);
  });
});
