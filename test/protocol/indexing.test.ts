// Indexing in worker threads, and requests that do not wait for it: an open article is answered while
// a large workspace is still being indexed, the client can cancel the indexing from its progress
// notification and cancel a request with $/cancelRequest, and a hover after an edit answers from the
// analysis before the edit where the edit changed nothing.

import * as assert from 'assert';
import { Hover, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { LspTestClient, rangeOf } from './client';
import { MARKET_SHELLING, STATE_TV_ROCKET } from './fixtures';

const PLACES = ['Aleppo', 'Homs', 'Hama', 'Idlib', 'Deraa', 'Raqqa', 'Douma', 'Jableh', 'Tartus', 'Latakia'];

/** An archive article of a few hundred words with one claim; `i` varies place, date and figures. */
function archiveArticle(i: number): string {
  const place = PLACES[i % PLACES.length];
  const day = (i % 27) + 1;
  const paragraph = (k: number) =>
    `Residents of ${place} said the shelling continued into the night, and ${k + 3} families left the eastern districts, ` +
    `according to a local council member who asked not to be named. Aid workers said roads out of the city were closed.`;
  return [
    `Shelling hits ${place} (${i})`,
    '',
    `${place.toUpperCase()}, Syria, March ${day}, 2016 — Shelling killed ${(i % 40) + 2} people in ${place} on Thursday, the Syrian Observatory for Human Rights said.`,
    '',
    ...Array.from({ length: 8 }, (_, k) => paragraph(k)),
  ].join('\n\n');
}

function archive(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) files[`archive/report-${String(i).padStart(4, '0')}.txt`] = archiveArticle(i);
  return files;
}

/** The response to a request the test wrote itself, read from the server's raw output. */
function rawResponse(client: LspTestClient, id: string): Promise<{ result?: unknown; error?: { code: number } }> {
  return new Promise((resolve, reject) => {
    let raw = Buffer.alloc(0);
    const timer = setTimeout(() => done(new Error(`no response to ${id}`)), 10_000);
    const done = (error: Error | null, value?: { result?: unknown; error?: { code: number } }) => {
      clearTimeout(timer);
      client.child.stdout!.off('data', onData);
      if (error) reject(error);
      else resolve(value!);
    };
    const onData = (chunk: Buffer) => {
      raw = Buffer.concat([raw, chunk]);
      for (;;) {
        const headerEnd = raw.indexOf('\r\n\r\n');
        if (headerEnd === -1) return;
        const length = Number(/Content-Length: (\d+)/i.exec(raw.subarray(0, headerEnd).toString())?.[1]);
        if (raw.length < headerEnd + 4 + length) return;
        const message = JSON.parse(raw.subarray(headerEnd + 4, headerEnd + 4 + length).toString());
        raw = raw.subarray(headerEnd + 4 + length);
        if (message.id === id) return done(null, message);
      }
    };
    client.child.stdout!.on('data', onData);
  });
}

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as { value: string }).value;
}

describe('protocol: indexing in worker threads', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ files: { 'market.txt': MARKET_SHELLING, ...archive(400) } });
  });
  after(() => client.stop());

  it('answers a hover on the open article while the workspace is still being indexed', async () => {
    await client.status((s) => s.state === 'indexing' && (s.indexed ?? 0) > 0);
    await client.open('market.txt');
    await client.diagnostics('market.txt');
    const hover = await client.hoverOn('market.txt', 'Observatory');
    assert.match(markdown(hover), /^\*\*Syrian Observatory for Human Rights\*\*/);
    const readyBefore = client.received.some((m) => m.method === 'newslens/status' && (m.params as { state: string }).state === 'ready');
    assert.strictEqual(readyBefore, false, 'the workspace finished indexing before the hover was answered; the test needs a larger archive');
    const ready = await client.ready();
    assert.strictEqual(ready.articles, 401);
    assert.ok(client.logs().some((l) => /^read 401 files in \d+ ms \(\d+ worker threads?\)/.test(l)), client.logs().join('\n'));
  });
});

describe('protocol: cancelling', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ files: { 'market.txt': MARKET_SHELLING, 'tv.txt': STATE_TV_ROCKET, ...archive(300) } });
  });
  after(() => client.stop());

  it('stops indexing when the client cancels the progress, and reports the workspace ready with what it has', async () => {
    const create = await client.waitFor<{ token: string | number }>('window/workDoneProgress/create');
    await client.status((s) => s.state === 'indexing' && (s.indexed ?? 0) > 0);
    await client.connection.sendNotification('window/workDoneProgress/cancel', { token: create.token });
    const ready = await client.ready();
    assert.ok(ready.articles < 302, `indexed all ${ready.articles} articles despite the cancel`);
    await client.waitFor<{ token: string | number; value: { kind: string } }>('$/progress', (p) => p.token === create.token && p.value.kind === 'end');
    assert.ok(client.logs().some((l) => /^indexing cancelled after \d+ of 302 files/.test(l)), client.logs().join('\n'));
  });

  it('answers a hover cancelled before it ran with RequestCancelled, and the next one normally', async () => {
    await client.open('market.txt');
    await client.diagnostics('market.txt');
    const range = rangeOf(client.text('market.txt'), 'Observatory');
    const params = { textDocument: { uri: client.uri('market.txt') }, position: { line: range.start.line, character: range.start.character + 1 } };
    // Request and cancellation leave in one write, so the server reads the cancellation before it
    // dispatches the request, as when the user moves the mouse on while the server is busy. Written as
    // raw frames: the client's own writer sends each message separately.
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const answer = rawResponse(client, 'cancelled-hover');
    client.child.stdin!.write(
      frame({ id: 'cancelled-hover', method: 'textDocument/hover', params }) + frame({ method: '$/cancelRequest', params: { id: 'cancelled-hover' } }),
    );
    const response = await answer;
    assert.strictEqual(response.error?.code, LSPErrorCodes.RequestCancelled, JSON.stringify(response));
    assert.match(markdown(await client.hover('market.txt', params.position)), /Syrian Observatory for Human Rights/);
  });
});

describe('protocol: hovers while an edit waits for its analysis', () => {
  let client: LspTestClient;

  before(async () => {
    // A long debounce: every hover below is sent while the edit is still waiting to be analysed.
    client = await LspTestClient.start({ files: { 'market.txt': MARKET_SHELLING }, settings: { analysis: { debounceMs: 10_000 } } });
    await client.ready();
    await client.open('market.txt');
    await client.diagnostics('market.txt');
  });
  after(() => client.stop());

  it('answers from the analysis before the edit away from it, with ranges in the edited text', async () => {
    // "Government shelling" -> "Heavy government shelling": the rest of the line moves right by six.
    const text = client.text('market.txt');
    await client.edit('market.txt', rangeOf(text, 'Government shelling'), 'Heavy government shelling');
    const hover = await client.hoverOn('market.txt', 'Maarat al-Numan in Idlib');
    assert.match(markdown(hover), /^\*\*MAARAT AL-NUMAN\*\* · place/);
    const town = rangeOf(client.text('market.txt'), 'Maarat al-Numan in Idlib').start;
    assert.deepStrictEqual(hover!.range, { start: town, end: { line: town.line, character: town.character + 'Maarat al-Numan'.length } });
    // Nothing was analysed for it: the published diagnostics are still those of version 1.
    assert.deepStrictEqual(client.publishedFor('market.txt').map((p) => p.version), [1]);
  });

  it('analyses the edited version for a hover on what the edit changed', async () => {
    const text = client.text('market.txt');
    await client.edit('market.txt', rangeOf(text, '30 people'), '35 people');
    const hover = await client.hoverOn('market.txt', '35');
    assert.match(markdown(hover), /^\*\*35\*\* · 35\.\.35/);
  });
});

describe('protocol: the number of indexing workers', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start({ files: { 'market.txt': MARKET_SHELLING, 'tv.txt': STATE_TV_ROCKET }, settings: { analysis: { workers: 2 } } });
    await client.ready();
  });
  after(() => client.stop());

  it('follows newslens.analysis.workers, indexing the workspace again with the new pool', async () => {
    assert.ok(client.logs().some((l) => /^read 2 files in \d+ ms \(2 worker threads\)/.test(l)), client.logs().join('\n'));
    const since = client.mark();
    await client.changeSettings({ analysis: { workers: 1 } });
    const ready = await client.ready(since);
    assert.deepStrictEqual([ready.articles, ready.conflicts], [2, 1]);
    await client.waitFor<{ message: string }>('window/logMessage', (p) => /^read 2 files in \d+ ms \(1 worker thread\)/.test(p.message), since);
  });
});
