// An indexing worker (a worker_threads thread, bundled as dist/indexWorker.js): reads an article from
// disk, analyses it and sends back what the workspace index keeps of it (see `diskSummary`), so the
// server's main thread stays free for the editor while a workspace is indexed.
//
// A worker knows nothing of LSP, connections or the index: it gets a path and the size limit, and
// answers with plain data. It loads the engine's resources once, on its first file, and then serves
// files until the pool terminates it. Nothing it meets in a file may end it: every failure becomes a
// `failed` answer that the server logs.

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

const port = parentPort;
if (port) {
  port.on('message', (request: WorkerRequest) => {
    void serve(request).then((response) => port.postMessage(response));
  });
}
