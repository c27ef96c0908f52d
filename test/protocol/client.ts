// A real LSP client for the protocol tests: starts `node bin/newslens.js lsp --stdio` on a temporary
// workspace folder holding the fixture articles a test writes, speaks JSON-RPC to it with
// vscode-languageserver-protocol, and plays the editor's part: keeps the open documents and their
// versions, answers the server's requests (configuration, registrations, progress, applyEdit — the
// last one by editing its copy of the document and sending didChange, as VS Code does), and records
// every message so tests wait for one by predicate instead of sleeping.

import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  ApplyWorkspaceEditParams,
  ApplyWorkspaceEditResult,
  ClientCapabilities,
  CodeAction,
  CodeLens,
  Command,
  ConfigurationParams,
  createMessageConnection,
  Diagnostic,
  DocumentSymbol,
  ExitNotification,
  Hover,
  InitializeResult,
  Location,
  Position,
  MessageConnection,
  PublishDiagnosticsParams,
  Range,
  StreamMessageReader,
  StreamMessageWriter,
  ShutdownRequest,
  SymbolInformation,
  TextDocumentContentChangeEvent,
  TextDocumentEdit,
  TextEdit,
  WorkDoneProgress,
} from 'vscode-languageserver-protocol/node';

import { StatusParams } from '../../server/src/lsp/protocol';
import CLIENT_CAPABILITIES from './clientCapabilities.json';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

export interface Received {
  method: string;
  params: unknown;
}

export interface StartOptions {
  /** Files of the workspace folder, by relative path. */
  files?: Record<string, string | Buffer>;
  /** The `newslens` settings object the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  /** Drops the capabilities an older or simpler client lacks (no configuration pull, no progress...). */
  minimalClient?: boolean;
}

interface OpenDocument {
  uri: string;
  languageId: string;
  version: number;
  text: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;

function languageOf(file: string): string {
  if (file.endsWith('.news')) return 'newslens';
  if (file.endsWith('.md')) return 'markdown';
  return 'plaintext';
}

/**
 * What VS Code announces, as far as this server looks. Kept in clientCapabilities.json, which the
 * benchmarks' client (scripts/bench/lspClient.mjs) reads too, so both drive the server as one editor.
 */
function fullCapabilities(): ClientCapabilities {
  return structuredClone(CLIENT_CAPABILITIES) as ClientCapabilities; // a copy: minimalClient trims it
}

/** The position of a UTF-16 offset, counted the plain way (independent of the server's LineIndex). */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

/** The range of the n-th occurrence (0-based) of `needle` in `text`; throws when there is none. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" occurs fewer than ${occurrence + 1} times`);
  }
  return { start: positionAt(text, at), end: positionAt(text, at + needle.length) };
}

/** Offset of a position, the plain way. */
function offsetAt(text: string, position: Position): number {
  const lines = text.split(/(?<=\r\n|\r(?!\n)|\n)/);
  let offset = 0;
  for (let i = 0; i < position.line && i < lines.length; i++) offset += lines[i].length;
  return offset + position.character;
}

/** Applies LSP text edits to a text (edits do not overlap; applied from the end). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const withOffsets = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export class LspTestClient {
  readonly received: Received[] = [];
  readonly stderr: string[] = [];
  initializeResult!: InitializeResult;
  private readonly documents = new Map<string, OpenDocument>();
  private readonly listeners = new Set<() => void>();
  private exited = false;

  private constructor(
    readonly root: string,
    readonly connection: MessageConnection,
    readonly child: ChildProcess,
    private settings: Record<string, unknown>,
  ) {}

  /** Writes the workspace, starts the server through the CLI and completes initialize/initialized. */
  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-lsp-')));
    for (const [file, content] of Object.entries(options.files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), content);
    }
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'newslens.js'), 'lsp', '--stdio'], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // A MessageConnection (what createProtocolConnection wraps) so that one handler sees every
    // notification and request the server sends.
    const connection = createMessageConnection(
      new StreamMessageReader(child.stdout!),
      new StreamMessageWriter(child.stdin!),
    );
    const client = new LspTestClient(root, connection, child, options.settings ?? {});
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    child.on('exit', () => {
      client.exited = true;
      client.notify();
    });
    client.wire();
    connection.listen();
    const capabilities = fullCapabilities();
    if (options.minimalClient) {
      capabilities.workspace = { applyEdit: true };
      capabilities.window = {};
      capabilities.textDocument!.documentSymbol = {};
    }
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: path.basename(root) }],
      capabilities,
      initializationOptions: options.minimalClient ? { newslens: client.settings } : undefined,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private wire(): void {
    const record = (method: string, params: unknown) => {
      this.received.push({ method, params });
      this.notify();
    };
    this.connection.onNotification((method: string, params: unknown) => record(method, params));
    this.connection.onRequest((method: string, params: unknown) => {
      record(method, params);
      switch (method) {
        case 'workspace/configuration':
          return (params as ConfigurationParams).items.map((item) => (item.section === 'newslens' ? this.settings : null));
        case 'workspace/applyEdit':
          return this.applyWorkspaceEdit(params as ApplyWorkspaceEditParams);
        case 'window/workDoneProgress/create': {
          // vscode-jsonrpc hands $/progress to the handler of its token, not to the catch-all handler.
          const token = (params as { token: string | number }).token;
          this.connection.onProgress(WorkDoneProgress.type, token, (value) => record('$/progress', { token, value }));
          return null;
        }
        default:
          // client/registerCapability, window/workDoneProgress/create, workspace/codeLens/refresh, ...
          return null;
      }
    });
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  // ---- files and documents -------------------------------------------------------------------------

  path(file: string): string {
    return path.join(this.root, file);
  }

  uri(file: string): string {
    return pathToFileURL(this.path(file)).href;
  }

  writeFile(file: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(this.path(file)), { recursive: true });
    fs.writeFileSync(this.path(file), content);
  }

  text(file: string): string {
    const document = this.documents.get(file);
    if (!document) throw new Error(`${file} is not open`);
    return document.text;
  }

  version(file: string): number {
    const document = this.documents.get(file);
    if (!document) throw new Error(`${file} is not open`);
    return document.version;
  }

  /** didOpen with the given text (default: the file's content on disk). */
  async open(file: string, text?: string, languageId = languageOf(file)): Promise<void> {
    const content = text ?? fs.readFileSync(this.path(file), 'utf8');
    const document: OpenDocument = { uri: this.uri(file), languageId, version: 1, text: content };
    this.documents.set(file, document);
    await this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: document.uri, languageId, version: 1, text: content },
    });
  }

  /** didChange replacing the whole text. */
  async replace(file: string, text: string): Promise<void> {
    await this.sendChanges(file, text, [{ text }]);
  }

  /** didChange with one incremental edit. */
  async edit(file: string, range: Range, newText: string): Promise<void> {
    const current = this.text(file);
    await this.sendChanges(file, applyEdits(current, [{ range, newText }]), [{ range, text: newText }]);
  }

  private async sendChanges(file: string, text: string, contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    const document = this.documents.get(file);
    if (!document) throw new Error(`${file} is not open`);
    document.text = text;
    document.version++;
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: document.uri, version: document.version },
      contentChanges,
    });
  }

  async close(file: string): Promise<void> {
    const document = this.documents.get(file);
    if (!document) throw new Error(`${file} is not open`);
    this.documents.delete(file);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: document.uri } });
  }

  /** What VS Code does with workspace/applyEdit: edit the open document, then tell the server. */
  private async applyWorkspaceEdit(params: ApplyWorkspaceEditParams): Promise<ApplyWorkspaceEditResult> {
    const perUri = new Map<string, { edits: TextEdit[]; version: number | null | undefined }>();
    for (const change of params.edit.documentChanges ?? []) {
      if (!TextDocumentEdit.is(change)) return { applied: false, failureReason: 'only text edits are supported' };
      perUri.set(change.textDocument.uri, {
        edits: change.edits as TextEdit[],
        version: change.textDocument.version,
      });
    }
    for (const [uri, edits] of Object.entries(params.edit.changes ?? {})) perUri.set(uri, { edits, version: undefined });
    for (const [uri, { edits, version }] of perUri) {
      const entry = [...this.documents.entries()].find(([, d]) => d.uri === uri);
      if (!entry) return { applied: false, failureReason: `${uri} is not open` };
      const [file, document] = entry;
      if (typeof version === 'number' && version !== document.version) {
        return { applied: false, failureReason: `version ${version} is not the open version ${document.version}` };
      }
      const sorted = [...edits].sort(
        (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
      );
      // One didChange per edit, from the end of the text, as an editor reports them.
      for (const e of sorted) await this.edit(file, e.range, e.newText);
    }
    return { applied: true };
  }

  // ---- waiting ---------------------------------------------------------------------------------------

  /** Index of the next message to arrive; pass it as `since` to wait only for later messages. */
  mark(): number {
    return this.received.length;
  }

  /** Resolves with the params of the first message (since `since`) with this method matching the predicate. */
  waitFor<T>(method: string, predicate: (params: T) => boolean = () => true, since = 0, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        for (let i = since; i < this.received.length; i++) {
          const message = this.received[i];
          if (message.method === method && predicate(message.params as T)) {
            done();
            resolve(message.params as T);
            return;
          }
        }
        if (this.exited) {
          done();
          reject(new Error(`the server exited while waiting for ${method}; stderr: ${this.stderr.join('')}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        const seen = this.received.filter((m) => m.method === method).slice(-5);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${method}; last seen: ${JSON.stringify(seen, null, 1).slice(0, 3000)}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Waits for a `newslens/status` notification matching the predicate. */
  status(predicate: (status: StatusParams) => boolean, since = 0): Promise<StatusParams> {
    return this.waitFor<StatusParams>('newslens/status', predicate, since);
  }

  /** Waits until the server reports the workspace indexed. */
  ready(since = 0): Promise<StatusParams> {
    return this.waitFor<StatusParams>('newslens/status', (p) => p.state === 'ready', since);
  }

  /**
   * Waits for diagnostics of a file: for an open file, published for the version the client holds now;
   * optionally also matching a predicate.
   */
  async diagnostics(file: string, predicate: (d: Diagnostic[]) => boolean = () => true, since = 0): Promise<Diagnostic[]> {
    const uri = this.uri(file);
    const version = this.documents.get(file)?.version;
    const params = await this.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && (version === undefined || p.version === version) && predicate(p.diagnostics),
      since,
    );
    return params.diagnostics;
  }

  /** Every publishDiagnostics received for a file, oldest first. */
  publishedFor(file: string): PublishDiagnosticsParams[] {
    const uri = this.uri(file);
    return this.received
      .filter((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as PublishDiagnosticsParams).uri === uri)
      .map((m) => m.params as PublishDiagnosticsParams);
  }

  logs(): string[] {
    return this.received.filter((m) => m.method === 'window/logMessage').map((m) => (m.params as { message: string }).message);
  }

  // ---- requests --------------------------------------------------------------------------------------

  hover(file: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri: this.uri(file) }, position });
  }

  /** Hover on the n-th occurrence of a word, one character into it. */
  hoverOn(file: string, needle: string, occurrence = 0): Promise<Hover | null> {
    const range = rangeOf(this.text(file), needle, occurrence);
    return this.hover(file, { line: range.start.line, character: range.start.character + 1 });
  }

  codeLenses(file: string): Promise<CodeLens[]> {
    return this.connection.sendRequest('textDocument/codeLens', { textDocument: { uri: this.uri(file) } });
  }

  codeActions(file: string, range: Range, diagnostics: Diagnostic[] = [], only?: string[]): Promise<Array<CodeAction | Command>> {
    return this.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: this.uri(file) },
      range,
      context: { diagnostics, only },
    });
  }

  documentSymbols(file: string): Promise<DocumentSymbol[] | SymbolInformation[]> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: this.uri(file) } });
  }

  workspaceSymbols(query: string): Promise<SymbolInformation[]> {
    return this.connection.sendRequest('workspace/symbol', { query });
  }

  references(file: string, position: Position): Promise<Location[]> {
    return this.connection.sendRequest('textDocument/references', {
      textDocument: { uri: this.uri(file) },
      position,
      context: { includeDeclaration: true },
    });
  }

  executeCommand(command: string, args: unknown[]): Promise<unknown> {
    return this.connection.sendRequest('workspace/executeCommand', { command, arguments: args });
  }

  /** Applies a code action's edit the way an editor does (through the same path as workspace/applyEdit). */
  async applyCodeAction(action: CodeAction): Promise<void> {
    if (!action.edit) throw new Error(`code action "${action.title}" has no edit`);
    const result = await this.applyWorkspaceEdit({ edit: action.edit });
    if (!result.applied) throw new Error(`could not apply "${action.title}": ${result.failureReason}`);
  }

  async changeSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { newslens: settings } });
  }

  async changeWatchedFiles(changes: Array<{ file: string; type: 1 | 2 | 3 }>): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: changes.map((c) => ({ uri: this.uri(c.file), type: c.type })),
    });
  }

  /** shutdown + exit, then removes the workspace. Kills the server if it does not exit in time. */
  async stop(): Promise<void> {
    try {
      if (!this.exited) {
        await Promise.race([
          this.connection.sendRequest(ShutdownRequest.type).then(() => this.connection.sendNotification(ExitNotification.type)),
          new Promise((resolve) => setTimeout(resolve, 3000)),
        ]);
        await new Promise<void>((resolve) => {
          if (this.exited) return resolve();
          const timer = setTimeout(() => {
            this.child.kill();
            resolve();
          }, 3000);
          this.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    } finally {
      this.connection.dispose();
      fs.rmSync(this.root, { recursive: true, force: true });
    }
  }

  get hasExited(): boolean {
    return this.exited;
  }
}
