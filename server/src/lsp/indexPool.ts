// A pool of indexing workers (indexWorker.ts) on the server's side: hands files to the workers, a few at
// a time each, and turns their answers back into index entries. The main thread only applies results
// to the index, so hovers and diagnostics of open documents never wait behind a workspace being read.
//
// Where workers cannot run (the worker script is missing, as when the server runs from sources without
// a build, or workers keep dying on start), files are read and analysed on the main thread instead, the
// way the server did before it had workers: slower to index, the same results.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { analyseArticle, diskSummary } from './analysis';
import { readArticleFile } from './articleFiles';
import type { WorkerRequest, WorkerResponse } from './indexWorker';
import { LineIndex } from './positions';
import { IndexedDocument } from './workspaceIndex';

/** Files handed to one worker at once: one being analysed while the next is read from disk. */
const JOBS_PER_WORKER = 2;

/** Workers that die before finishing a single file, in a row, before the pool stops starting them. */
const MAX_FAILED_STARTS = 3;

/**
 * Workers with nothing to do for this long are stopped: each holds its own copy of the gazetteer and
 * the tagger, which a server that has finished indexing does not need until a file changes on disk.
 */
export const IDLE_WORKER_MS = 60_000;

/** The worker bundle beside this file: dist/indexWorker.js next to dist/server.js and dist/cli.js. */
export const WORKER_SCRIPT = path.join(__dirname, 'indexWorker.js');

/** Workers to start: the setting when it is positive, else one per core the process may use. */
export function workerCount(setting: number): number {
  if (setting >= 1) return Math.floor(setting);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, cores);
}

/** What the pool answers for one file: its index entry, or why there is none. */
export type PoolResult =
  | { document: IndexedDocument; logs: string[] }
  | { failed: string }
  | { cancelled: true };

interface Job {
  request: Omit<WorkerRequest, 'id'>;
  cancelled: () => boolean;
  resolve: (result: PoolResult) => void;
}

interface Slot {
  worker: Worker;
  running: Map<number, Job>;
  /** Whether this worker has answered at least once (it started properly). */
  answered: boolean;
}

export class IndexPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 0;
  private failedStarts = 0;
  private disposed = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly size: number,
    private readonly log: (message: string) => void,
    private readonly script: string = WORKER_SCRIPT,
    private readonly idleMs: number = IDLE_WORKER_MS,
  ) {}

  /** Whether files go to worker threads (false: they are analysed on the main thread). */
  get usesWorkers(): boolean {
    return !this.disposed && this.failedStarts < MAX_FAILED_STARTS && fs.existsSync(this.script);
  }

  /** Worker threads running now (they start on demand and stop when idle). */
  get runningWorkers(): number {
    return this.slots.length;
  }

  /** How many files may usefully be in the pool at once. */
  get capacity(): number {
    return this.usesWorkers ? this.size * JOBS_PER_WORKER : 1;
  }

  /**
   * Reads and analyses one file. `cancelled` is asked when the file's turn comes: a file of a superseded
   * indexing pass is not analysed at all.
   */
  analyse(fsPath: string, key: string, maxSizeKB: number, cancelled: () => boolean): Promise<PoolResult> {
    if (!this.usesWorkers) return this.analyseHere(fsPath, key, maxSizeKB, cancelled);
    return new Promise<PoolResult>((resolve) => {
      this.queue.push({ request: { fsPath, key, maxSizeKB }, cancelled, resolve });
      this.dispatch();
    });
  }

  /** Stops every worker; queued and running files answer `cancelled`. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    for (const job of this.queue.splice(0)) job.resolve({ cancelled: true });
    for (const slot of this.slots.splice(0)) {
      for (const job of slot.running.values()) job.resolve({ cancelled: true });
      slot.running.clear();
      void slot.worker.terminate();
    }
  }

  private dispatch(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    while (this.queue.length > 0) {
      if (!this.usesWorkers) {
        // Workers stopped working meanwhile: what is queued is analysed here.
        for (const job of this.queue.splice(0)) {
          const { fsPath, key, maxSizeKB } = job.request;
          void this.analyseHere(fsPath, key, maxSizeKB, job.cancelled).then(job.resolve);
        }
        return;
      }
      if (this.queue[0].cancelled()) {
        (this.queue.shift() as Job).resolve({ cancelled: true });
        continue;
      }
      const slot = this.freeSlot();
      if (!slot) return;
      const job = this.queue.shift() as Job;
      const id = this.nextId++;
      slot.running.set(id, job);
      slot.worker.postMessage({ id, ...job.request } satisfies WorkerRequest);
    }
    if (this.slots.length > 0 && this.slots.every((slot) => slot.running.size === 0)) {
      this.idleTimer = setTimeout(() => this.stopIdleWorkers(), this.idleMs);
      this.idleTimer.unref(); // an idle pool never keeps the process alive
    }
  }

  private stopIdleWorkers(): void {
    if (this.queue.length > 0 || this.slots.some((slot) => slot.running.size > 0)) return;
    for (const slot of this.slots.splice(0)) void slot.worker.terminate();
  }

  /**
   * The least busy worker with room for another file; a new worker only when every running one is full,
   * so a workspace of three files does not pay for loading the engine in every thread.
   */
  private freeSlot(): Slot | undefined {
    let best: Slot | undefined;
    for (const slot of this.slots) if (slot.running.size < JOBS_PER_WORKER && (!best || slot.running.size < best.running.size)) best = slot;
    if (best) return best;
    return this.slots.length < this.size ? this.start() : undefined;
  }

  private start(): Slot | undefined {
    let worker: Worker;
    try {
      worker = new Worker(this.script);
    } catch (error) {
      this.failedStarts++;
      this.log(`could not start an indexing worker: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    const slot: Slot = { worker, running: new Map(), answered: false };
    this.slots.push(slot);
    worker.on('message', (response: WorkerResponse) => {
      const job = slot.running.get(response.id);
      if (!job) return;
      slot.running.delete(response.id);
      if (!slot.answered) {
        slot.answered = true;
        this.failedStarts = 0;
      }
      job.resolve('failed' in response ? { failed: response.failed } : { document: fromWire(response.document), logs: response.logs });
      this.dispatch();
    });
    // A worker that dies (out of memory, a bug below the engine) fails the files it held, one log line
    // each through the indexer, and is replaced on the next dispatch.
    const died = (reason: string) => {
      const index = this.slots.indexOf(slot);
      if (index === -1) return;
      this.slots.splice(index, 1);
      if (!slot.answered) this.failedStarts++;
      for (const job of slot.running.values()) job.resolve({ failed: `the indexing worker stopped (${reason})` });
      slot.running.clear();
      if (!this.disposed) {
        this.log(`an indexing worker stopped (${reason})${this.usesWorkers ? '' : '; indexing continues on the main thread'}`);
        this.dispatch();
      }
    };
    worker.on('error', (error) => died(error.message));
    worker.on('exit', (code) => died(`exit code ${code}`));
    return slot;
  }

  /** The main-thread path: the same reading, analysis and summary a worker does. */
  private async analyseHere(fsPath: string, key: string, maxSizeKB: number, cancelled: () => boolean): Promise<PoolResult> {
    if (cancelled()) return { cancelled: true };
    const read = await readArticleFile(fsPath, maxSizeKB);
    if (cancelled()) return { cancelled: true };
    const logs: string[] = [];
    const document = analyseArticle(
      { key, uri: key, origin: 'disk', version: null, text: 'text' in read ? read.text : '' },
      maxSizeKB,
      (message) => logs.push(message),
      'skipped' in read ? read.skipped : null,
    );
    return { document: diskSummary(document), logs };
  }
}

function fromWire(document: Extract<WorkerResponse, { document: unknown }>['document']): IndexedDocument {
  return { ...document, lines: LineIndex.fromParts(document.lines) };
}
