// The server's life over stdio: what it announces on initialize, how it indexes the workspace (progress,
// status, registrations, log), how it gets settings from a client that cannot be asked, and that it
// exits cleanly.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { LspTestClient, rangeOf, REPO_ROOT } from './client';
import { MARKET_SHELLING, STATE_TV_ROCKET, UNATTRIBUTED_ONLY } from './fixtures';

const packageVersion = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version as string;

describe('protocol: lifecycle', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ files: { 'alpha.news': MARKET_SHELLING, 'reports/beta.txt': STATE_TV_ROCKET } });
    await client.ready();
  });
  after(() => client.stop());

  it('announces its features and UTF-16 positions on initialize', () => {
    assert.deepStrictEqual(client.initializeResult, {
      capabilities: {
        positionEncoding: 'utf-16',
        textDocumentSync: { openClose: true, change: 2 },
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: false },
        documentSymbolProvider: { label: 'NewsLens' },
        workspaceSymbolProvider: true,
        referencesProvider: true,
        executeCommandProvider: { commands: ['newslens.insertSourceTag'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'newslens', version: packageVersion },
    });
  });

  it('indexes the workspace with window/workDoneProgress and reports articles and conflicts', async () => {
    const status = await client.ready();
    assert.deepStrictEqual(status, { state: 'ready', articles: 2, conflicts: 1 });
    const created = client.received.filter((m) => m.method === 'window/workDoneProgress/create');
    assert.strictEqual(created.length, 1);
    const token = (created[0].params as { token: string }).token;
    const progress = client.received
      .filter((m) => m.method === '$/progress' && (m.params as { token: string }).token === token)
      .map((m) => (m.params as { value: { kind: string; title?: string } }).value);
    assert.strictEqual(progress[0].kind, 'begin');
    assert.strictEqual(progress[0].title, 'NewsLens');
    assert.strictEqual((progress[0] as { cancellable?: boolean }).cancellable, true);
    assert.strictEqual(progress[progress.length - 1].kind, 'end');
    assert.ok(progress.some((v) => v.kind === 'report' && (v as { message?: string }).message === '2/2 articles'));
    assert.ok(client.logs().some((l) => /^read 2 files in \d+ ms \(\d+ worker threads?\); 2 articles in the index$/.test(l)), client.logs().join('\n'));
  });

  it('builds its analyzer once initialized, with no article open, and says how long it took', async () => {
    const empty = await LspTestClient.start({ files: {} });
    try {
      const said = await empty.waitFor<{ message: string }>('window/logMessage', (p) => p.message.startsWith('analyzer '));
      assert.match(said.message, /^analyzer ready in \d+ ms$/);
    } finally {
      await empty.stop();
    }
  });

  it('registers file watchers for the include globs and for deletions', () => {
    const registrations = client.received
      .filter((m) => m.method === 'client/registerCapability')
      .flatMap((m) => (m.params as { registrations: Array<{ method: string; registerOptions: unknown }> }).registrations);
    const folder = pathToFileURL(client.root).href;
    const watched = registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepStrictEqual(watched?.registerOptions, {
      watchers: [
        { globPattern: { baseUri: folder, pattern: '**/*.news' } },
        { globPattern: { baseUri: folder, pattern: '**/*.txt' } },
        { globPattern: { baseUri: folder, pattern: '**/*.md' } },
        { globPattern: '**/*', kind: 4 },
      ],
    });
    assert.deepStrictEqual(
      registrations.find((r) => r.method === 'workspace/didChangeConfiguration')?.registerOptions,
      { section: 'newslens' },
    );
  });

  it('exits with code 0 after shutdown and exit', async () => {
    const other = await LspTestClient.start({});
    const exitCode = new Promise<number | null>((resolve) => other.child.once('exit', (code) => resolve(code)));
    await other.stop();
    assert.strictEqual(await exitCode, 0);
  });
});

describe('protocol: a minimal client', () => {
  let client: LspTestClient;

  before(async () => {
    // No workspace/configuration, no progress, no hierarchical symbols: settings come from
    // initializationOptions, the outline is flat.
    client = await LspTestClient.start({
      files: { 'jableh.txt': UNATTRIBUTED_ONLY },
      settings: { diagnostics: { unattributed: { enabled: false } } },
      minimalClient: true,
    });
    await client.ready();
  });
  after(() => client.stop());

  it('reads settings from initializationOptions', async () => {
    await client.open('jableh.txt');
    assert.deepStrictEqual(await client.diagnostics('jableh.txt'), []);
    assert.ok(!client.received.some((m) => m.method === 'workspace/configuration'));
    assert.ok(!client.received.some((m) => m.method === 'window/workDoneProgress/create'));
  });

  it('answers document symbols as a flat list', async () => {
    const symbols = await client.documentSymbols('jableh.txt');
    const claim = symbols.find((s) => s.name === 'Killed: 9');
    assert.deepStrictEqual(claim, {
      name: 'Killed: 9',
      kind: 24, // Event
      containerName: 'Casualty claims',
      location: { uri: client.uri('jableh.txt'), range: rangeOf(UNATTRIBUTED_ONLY, 'Nine civilians were killed') },
    });
  });
});
