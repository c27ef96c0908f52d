// A minimal editor for the benchmarks: starts `node bin/newslens.js lsp --stdio`, speaks JSON-RPC with
// vscode-languageserver-protocol, answers the server's requests the way VS Code does, and timestamps
// every message it receives so latencies are measured where an editor would see them.
//
// The protocol tests have a fuller client (test/protocol/client.ts); this one is plain JavaScript so
// the bench needs no compile step for the LSP part, and it is built only on the protocol itself. Both
// announce the capabilities in test/protocol/clientCapabilities.json.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLI, REPO_ROOT, peakRssOf, requireFromRepo } from './common.mjs';

const rpc = requireFromRepo('vscode-languageserver-protocol/node');

/** The capabilities the protocol tests' client announces too (one file, so both act as one editor). */
function capabilities() {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'protocol', 'clientCapabilities.json'), 'utf8'));
}

export class BenchLspClient {
  /** Every message from the server: { at (performance.now()), method, params }. */
  received = [];
  stderr = '';
  exited = false;
  listeners = new Set();
  docs = new Map();

  /**
   * Spawns the server. `folders` are the workspace folders; `settings` is what workspace/configuration
   * answers for the `newslens` section. The `spawnedAt` time is taken just before spawn.
   */
  static start({ folders = [], settings = {}, nodeArgs = [] } = {}) {
    const client = new BenchLspClient();
    client.settings = settings;
    client.folders = folders;
    client.spawnedAt = performance.now();
    client.child = spawn(process.execPath, [...nodeArgs, CLI, 'lsp', '--stdio'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    client.child.stderr.on('data', (c) => {
      client.stderr = (client.stderr + c.toString()).slice(-8000);
    });
    client.child.on('exit', (code, signal) => {
      client.exited = true;
      client.exitReason = signal ?? code;
      client.notify();
    });
    client.connection = rpc.createMessageConnection(new rpc.StreamMessageReader(client.child.stdout), new rpc.StreamMessageWriter(client.child.stdin));
    client.wire();
    client.connection.listen();
    return client;
  }

  get pid() {
    return this.child.pid;
  }

  /** Peak RSS of the server process so far (the kernel's high-water mark). */
  peakRss() {
    return peakRssOf(this.child.pid);
  }

  wire() {
    const record = (method, params) => {
      this.received.push({ at: performance.now(), method, params });
      this.notify();
    };
    this.connection.onNotification((method, params) => record(method, params));
    this.connection.onRequest((method, params) => {
      record(method, params);
      if (method === 'workspace/configuration') return params.items.map((i) => (i.section === 'newslens' ? this.settings : null));
      if (method === 'window/workDoneProgress/create') {
        // vscode-jsonrpc routes $/progress to a handler per token, never to the catch-all one.
        this.connection.onProgress(rpc.WorkDoneProgress.type, params.token, (value) => record('$/progress', { token: params.token, value }));
      }
      return null;
    });
  }

  notify() {
    for (const l of [...this.listeners]) l();
  }

  /** initialize + initialized; resolves with the time the initialize response arrived. */
  async initialize() {
    const uris = this.folders.map((f) => pathToFileURL(f).href);
    this.initializeSentAt = performance.now();
    this.initializeResult = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uris[0] ?? null,
      workspaceFolders: this.folders.map((f, i) => ({ uri: uris[i], name: path.basename(f) })),
      capabilities: capabilities(),
    });
    this.initializedAt = performance.now();
    await this.connection.sendNotification('initialized', {});
    return this.initializedAt;
  }

  /** Resolves with the first message (from index `since`) matching, or rejects after timeoutMs. */
  waitFor(method, predicate = () => true, { since = 0, timeoutMs = 60_000 } = {}) {
    return new Promise((resolve, reject) => {
      const check = () => {
        for (let i = since; i < this.received.length; i++) {
          const m = this.received[i];
          if (m.method === method && predicate(m.params)) {
            done();
            resolve(m);
            return;
          }
        }
        if (this.exited) {
          done();
          reject(new Error(`the server exited (${this.exitReason}) while waiting for ${method}; stderr: ${this.stderr.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  mark() {
    return this.received.length;
  }

  /** The workspace index finished: the status bar's `newslens/status` says 'ready'. */
  waitReady({ since = 0, timeoutMs } = {}) {
    return this.waitFor('newslens/status', (p) => p.state === 'ready', { since, timeoutMs });
  }

  async open(uri, text, languageId = 'plaintext') {
    this.docs.set(uri, { text, version: 1 });
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** One incremental edit given as offsets; returns the new version. */
  async edit(uri, start, end, newText) {
    const doc = this.docs.get(uri);
    const range = { start: positionAt(doc.text, start), end: positionAt(doc.text, end) };
    doc.text = doc.text.slice(0, start) + newText + doc.text.slice(end);
    doc.version++;
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: [{ range, text: newText }],
    });
    return doc.version;
  }

  /** Sends a request and resolves with { ms, result }. */
  async timed(method, params) {
    const t0 = performance.now();
    const result = await this.connection.sendRequest(method, params);
    return { ms: performance.now() - t0, result };
  }

  logs() {
    return this.received.filter((m) => m.method === 'window/logMessage').map((m) => m.params.message);
  }

  /** shutdown + exit; kills the server when it does not go within a few seconds. */
  async stop() {
    if (!this.exited) {
      await Promise.race([
        this.connection.sendRequest('shutdown').then(() => this.connection.sendNotification('exit')).catch(() => undefined),
        new Promise((r) => setTimeout(r, 5000)),
      ]);
      await new Promise((resolve) => {
        if (this.exited) return resolve();
        const timer = setTimeout(() => {
          this.child.kill('SIGKILL');
          resolve();
        }, 5000);
        this.child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    this.connection.dispose();
  }
}

/** LSP position (UTF-16) of an offset. */
export function positionAt(text, offset) {
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, character: offset - lineStart };
}
