// An indexing worker (a worker_threads thread, bundled as dist/indexWorker.js): reads an article from
// disk, analyses it and sends back what the workspace index keeps of it (see `diskSummary`), so the
// server's main thread stays free for the editor while a workspace is indexed.
//
// A worker knows nothing of LSP, connections or the index: it gets a path and the size limit, and
// answers with plain data. It loads the engine's resources once, on its first file, and then serves
// files until the pool terminates it. Nothing it meets in a file may end it: every failure becomes a
// `failed` answer that the server logs.

import * as os from 'os';
import { parentPort } from 'worker_threads';
import { analyseArticle, diskSummary } from './analysis';
import { readArticleFile } from './articleFiles';
import { LineIndexParts } from './positions';
import { IndexedDocument } from './workspaceIndex';

export interface WorkerRequest {
  id: number;
  fsPath: string;
  /** The index key and URI of the file (see uris.ts); made by the server, passed through. */
  key: string;
  maxSizeKB: number;
}

/** An IndexedDocument as it crosses threads: its LineIndex as plain arrays. */
export type WireDocument = Omit<IndexedDocument, 'lines'> & { lines: LineIndexParts };

export type WorkerResponse =
  | { id: number; document: WireDocument; logs: string[] }
  | { id: number; failed: string };

async function serve(request: WorkerRequest): Promise<WorkerResponse> {
  const { id, fsPath, key, maxSizeKB } = request;
  try {
    const read = await readArticleFile(fsPath, maxSizeKB);
    const logs: string[] = [];
    const text = 'text' in read ? read.text : '';
    const analysed = analyseArticle(
      { key, uri: key, origin: 'disk', version: null, text },
      maxSizeKB,
      (message) => logs.push(message),
      'skipped' in read ? read.skipped : null,
    );
    const summary = diskSummary(analysed);
    return { id, document: { ...summary, lines: summary.lines.toParts() }, logs };
  } catch (error) {
    return { id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/**
 * The nice value of indexing threads. Indexing is background work: at 10 the kernel gives a busy core
 * to the server's main thread (the open document's analysis, hovers) and to the editor first, and
 * to this worker whenever they leave it idle.
 */
export const INDEXING_NICE = 10;

/**
 * Lowers this thread's priority where that touches this thread alone: on Linux a thread's nice value
 * is its own, while elsewhere the call would lower the whole server's. Returns whether it did.
 */
function yieldToTheEditor(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    os.setPriority(0, Math.max(os.getPriority(0), INDEXING_NICE));
    return true;
  } catch {
    return false; // not allowed here: indexing at the server's priority is still correct
  }
}

const port = parentPort;
if (port) {
  yieldToTheEditor();
  port.on('message', (request: WorkerRequest) => {
    void serve(request).then((response) => port.postMessage(response));
  });
}
