// Bad input over the protocol: empty, huge, binary and non-UTF-8 files, CRLF line endings, astral
// characters before a claim, rapid edits and a document closed while it is analysed. None may crash the
// server, leave stale diagnostics or put a range in the wrong place; the server answers afterwards.

import * as assert from 'assert';
import { CodeAction, Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { LspTestClient, positionAt, rangeOf } from './client';
import { MARKET_SHELLING, UNATTRIBUTED_ONLY } from './fixtures';

const TEN_MB = 10 * 1024 * 1024;

/** A 10 MB article-like text: the same paragraph over and over. */
function hugeText(): string {
  const paragraph = 'Residents said the market reopened on Wednesday after the shelling stopped.\n\n';
  return paragraph.repeat(Math.ceil(TEN_MB / paragraph.length)).slice(0, TEN_MB);
}

/** What a binary file looks like when an editor is forced to open it as text. */
const BINARY_TEXT = '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000' + '\u0000\u0003\u0007\ufffd\ufffd'.repeat(200);

const NINE_KILLED = 'Killed: 9 has no source in the article; tag one with {>>source: NAME<<}';

describe('protocol: bad input', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({
      files: {
        'alpha.news': MARKET_SHELLING,
        'huge.txt': hugeText(),
        'photo.txt': Buffer.from(BINARY_TEXT, 'latin1'),
        'latin1.txt': Buffer.from('Caf\u00e9 owners said 3 people were killed in the blast.\n', 'latin1'),
      },
      settings: { analysis: { debounceMs: 50 } },
    });
    await client.ready();
  });
  after(() => client.stop());

  it('skips oversized, binary and non-UTF-8 files in the workspace with a log line each', async () => {
    const status = await client.ready();
    assert.deepStrictEqual(status, { state: 'ready', articles: 1, conflicts: 0 });
    const logs = client.logs();
    for (const expected of [
      `skipped ${client.path('huge.txt')}: it is 10,240 KB, above the newslens.files.maxSizeKB limit of 1,024 KB`,
      `skipped ${client.path('photo.txt')}: it looks binary, not like article text`,
      `skipped ${client.path('latin1.txt')}: it is not valid UTF-8`,
    ]) {
      assert.ok(logs.includes(expected), `missing log line "${expected}" in:\n${logs.join('\n')}`);
    }
  });

  it('publishes nothing for an empty article and answers every request with nothing', async () => {
    await client.open('empty.news', '');
    assert.deepStrictEqual(await client.diagnostics('empty.news'), []);
    assert.deepStrictEqual(await client.codeLenses('empty.news'), []);
    assert.strictEqual(await client.hover('empty.news', { line: 0, character: 0 }), null);
    assert.deepStrictEqual(await client.documentSymbols('empty.news'), []);
    assert.deepStrictEqual(await client.references('empty.news', { line: 3, character: 9 }), []);
  });

  it('keeps ranges right with CRLF line endings, and inserts tags before the line break', async () => {
    const text = UNATTRIBUTED_ONLY.replace(/\n/g, '\r\n');
    await client.open('crlf.news', text);
    const diagnostics = await client.diagnostics('crlf.news');
    const claim = rangeOf(text, 'Nine civilians were killed');
    assert.deepStrictEqual(claim, { start: { line: 4, character: 0 }, end: { line: 4, character: 26 } });
    assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.range, d.message]), [['unattributed-claim', claim, NINE_KILLED]]);

    const hover = await client.hoverOn('crlf.news', 'Nine');
    assert.deepStrictEqual(hover?.range, rangeOf(text, 'Nine'));

    const actions = (await client.codeActions('crlf.news', claim, diagnostics)) as CodeAction[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Tag source...']);
    const since = client.mark();
    await client.executeCommand('newslens.insertSourceTag', [{ ...(actions[0].command!.arguments![0] as object), source: 'medics' }]);
    assert.strictEqual(client.text('crlf.news'), text.replace('second explosion.\r\n', 'second explosion. {>>source: medics<<}\r\n'));
    assert.deepStrictEqual(await client.diagnostics('crlf.news', () => true, since), []);
  });

  it('keeps ranges right after emoji and other astral characters on the same line', async () => {
    const prefix = '😢🕊️ 𝐌𝐨𝐮𝐫𝐧𝐢𝐧𝐠 in Jableh 👨‍👩‍👧. ';
    const text = UNATTRIBUTED_ONLY.replace('Nine civilians were killed', `${prefix}Nine civilians were killed`);
    await client.open('astral.news', text);
    const diagnostics = await client.diagnostics('astral.news');
    const claim = rangeOf(text, 'Nine civilians were killed');
    // UTF-16 code units: every astral character counts two.
    assert.deepStrictEqual(claim.start, { line: 4, character: prefix.length });
    assert.strictEqual(prefix.length, 43);
    assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.range]), [['unattributed-claim', claim]]);
    assert.deepStrictEqual((await client.hoverOn('astral.news', 'Nine'))?.range, rangeOf(text, 'Nine'));
    const lenses = await client.codeLenses('astral.news');
    assert.deepStrictEqual(lenses[1].range, claim);
    // The tag goes right after the sentence, not a code unit off.
    const since = client.mark();
    const ref = ((await client.codeActions('astral.news', claim, diagnostics)) as CodeAction[]).at(-1)!.command!.arguments![0] as object;
    await client.executeCommand('newslens.insertSourceTag', [{ ...ref, source: 'hospital staff' }]);
    assert.strictEqual(client.text('astral.news'), text.replace('second explosion.', 'second explosion. {>>source: hospital staff<<}'));
    assert.deepStrictEqual(await client.diagnostics('astral.news', () => true, since), []);
  });

  it('does not analyse a 10 MB document: one information diagnostic, no crash', async () => {
    await client.open('huge.txt');
    const diagnostics = await client.diagnostics('huge.txt');
    assert.deepStrictEqual(diagnostics, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 3,
        code: 'file-too-large',
        source: 'newslens',
        message: 'NewsLens did not analyse this file: it is 10,240 KB, above the newslens.files.maxSizeKB limit of 1,024 KB.',
      },
    ] satisfies Diagnostic[]);
    assert.deepStrictEqual(await client.codeLenses('huge.txt'), []);
    assert.strictEqual(await client.hover('huge.txt', { line: 0, character: 3 }), null);
    await client.close('huge.txt');
  });

  it('does not analyse binary-looking text opened as an article', async () => {
    await client.open('photo.txt', BINARY_TEXT);
    const diagnostics = await client.diagnostics('photo.txt');
    assert.deepStrictEqual(
      diagnostics.map((d) => [d.code, d.severity, d.message]),
      [['binary-content', 3, 'NewsLens did not analyse this file: it looks binary, not like article text.']],
    );
  });

  it('publishes only results that match the version they claim, through rapid edits', async () => {
    const versions = new Map<number, string>();
    await client.open('typing.news', UNATTRIBUTED_ONLY);
    versions.set(1, UNATTRIBUTED_ONLY);
    const since = client.mark();
    let text = UNATTRIBUTED_ONLY;
    for (let i = 1; i <= 8; i++) {
      // Each edit pushes the claim one line further down.
      text = text.replace('Nine civilians', `Line ${i}.\nNine civilians`);
      await client.replace('typing.news', text);
      versions.set(client.version('typing.news'), text);
    }
    await client.diagnostics('typing.news', () => true, since); // the last version's
    const published = client.received
      .slice(since)
      .filter((m) => m.method === 'textDocument/publishDiagnostics')
      .map((m) => m.params as PublishDiagnosticsParams)
      .filter((p) => p.uri === client.uri('typing.news'));
    assert.ok(published.length >= 1);
    for (const p of published) {
      const source = versions.get(p.version!)!;
      assert.deepStrictEqual(p.diagnostics.map((d) => d.range), [rangeOf(source, 'Nine civilians were killed')], `version ${p.version}`);
    }
    assert.strictEqual(published.at(-1)!.version, 9);
  });

  it('clears a document closed while it is being analysed and never publishes for it again', async () => {
    const big = MARKET_SHELLING.repeat(300); // about 200 KB: a noticeable analysis
    const since = client.mark();
    await client.open('closing.news', big);
    await client.replace('closing.news', `${big}\nNine civilians were killed.`);
    await client.close('closing.news');
    // Another document's diagnostics come after anything the closed one could still have produced.
    await client.open('after.news', UNATTRIBUTED_ONLY);
    await client.diagnostics('after.news', () => true, since);
    const forClosed = client.received
      .slice(since)
      .filter((m) => m.method === 'textDocument/publishDiagnostics')
      .map((m) => m.params as PublishDiagnosticsParams)
      .filter((p) => p.uri === client.uri('closing.news'));
    assert.ok(forClosed.length >= 1);
    assert.deepStrictEqual(forClosed.at(-1), { uri: client.uri('closing.news'), diagnostics: [] });
  });

  it('still answers after all of the above', async () => {
    assert.ok(!client.hasExited);
    await client.open('alpha.news');
    const lines = (await client.hoverOn('alpha.news', 'at least 12'))!.contents as { value: string };
    assert.strictEqual(lines.value.split('  \n')[0], '**at least 12** · 12..∞');
    assert.strictEqual(client.stderr.join(''), '');
  });

  it('positions line and character exactly as the protocol counts them', () => {
    // A self-check of the test helper the other tests rely on.
    assert.deepStrictEqual(positionAt('a\r\nb\rc\nd', 7), { line: 3, character: 0 });
    assert.deepStrictEqual(positionAt('😢x', 3), { line: 0, character: 3 });
  });
});
