// Diagnostics over the protocol: the article's own (unattributed claims, malformed tags), casualty
// conflicts across the workspace (an open article against one on disk, two open articles, files that
// appear and disappear on disk), and the settings that grade them.

import * as assert from 'assert';
import * as fs from 'fs';
import { Diagnostic } from 'vscode-languageserver-protocol/node';
import { LspTestClient, rangeOf } from './client';
import { MARKET_SHELLING, STATE_TV_ROCKET, STATE_TV_ROCKET_AGREEING, UNATTRIBUTED_ONLY } from './fixtures';

const UNATTRIBUTED_FOUR: Omit<Diagnostic, 'range'> = {
  severity: 3,
  code: 'unattributed-claim',
  source: 'newslens',
  message: 'Killed: 4 has no source in the article; tag one with {>>source: NAME<<}',
  data: { claimId: 'c3' },
};

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

const hasConflict = (d: Diagnostic[]) => codes(d).includes('casualty-conflict');
const noConflict = (d: Diagnostic[]) => !hasConflict(d);

describe('protocol: diagnostics of one article', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ files: { 'alpha.news': MARKET_SHELLING } });
    await client.ready();
  });
  after(() => client.stop());

  it('publishes the unattributed claim with its exact range and the document version', async () => {
    await client.open('alpha.news');
    const diagnostics = await client.diagnostics('alpha.news');
    assert.deepStrictEqual(diagnostics, [{ range: rangeOf(MARKET_SHELLING, 'Four soldiers were killed'), ...UNATTRIBUTED_FOUR }]);
    assert.strictEqual(client.publishedFor('alpha.news').at(-1)?.version, 1);
  });

  it('reports a malformed source tag and keeps the claim unattributed', async () => {
    const text = UNATTRIBUTED_ONLY.replace('second explosion.', 'second explosion. {>>source hospital staff<<}');
    await client.open('malformed.news', text);
    const diagnostics = await client.diagnostics('malformed.news');
    assert.deepStrictEqual(
      diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })),
      [
        {
          code: 'unattributed-claim',
          severity: 3,
          range: rangeOf(text, 'Nine civilians were killed'),
          message: 'Killed: 9 has no source in the article; tag one with {>>source: NAME<<}',
        },
        {
          code: 'malformed-source-tag',
          severity: 2,
          range: rangeOf(text, '{>>source hospital staff<<}'),
          message: 'Malformed source tag: write it as {>>source: NAME<<}',
        },
      ],
    );
  });

  it('reports an unterminated tag without reading the rest of the line as a tag', async () => {
    const text = UNATTRIBUTED_ONLY.replace('second explosion.', 'second explosion. {>>source: hospital staff');
    await client.open('unterminated.news', text);
    const diagnostics = await client.diagnostics('unterminated.news');
    const tag = diagnostics.find((d) => d.code === 'malformed-source-tag');
    assert.deepStrictEqual(tag?.range, rangeOf(text, '{>>'));
    assert.strictEqual(tag?.message, 'Unterminated source tag: close it with "<<}"');
  });

  it('publishes for the new version when an edit is undone before it was analysed', async () => {
    await client.open('undone.news', UNATTRIBUTED_ONLY);
    const first = await client.diagnostics('undone.news');
    const nine = rangeOf(UNATTRIBUTED_ONLY, 'Nine');
    await client.edit('undone.news', nine, 'Ten');
    await client.edit('undone.news', rangeOf(client.text('undone.news'), 'Ten'), 'Nine');
    assert.deepStrictEqual(await client.diagnostics('undone.news'), first);
    assert.strictEqual(client.publishedFor('undone.news').at(-1)?.version, 3);

    await client.edit('undone.news', nine, 'Ten'); // and a real change is analysed as ever
    const ten = await client.diagnostics('undone.news');
    assert.ok(ten.some((d) => d.message === 'Killed: 10 has no source in the article; tag one with {>>source: NAME<<}'));
  });
});

describe('protocol: conflicts across the workspace', () => {
  let client: LspTestClient;
  beforeEach(async () => {
    client = await LspTestClient.start({
      files: { 'alpha.news': MARKET_SHELLING, 'beta.txt': STATE_TV_ROCKET },
      settings: { analysis: { debounceMs: 10 } },
    });
    await client.ready();
  });
  afterEach(() => client.stop());

  it('flags a claim that conflicts with an article only on disk, relating the other file', async () => {
    await client.open('alpha.news');
    const diagnostics = await client.diagnostics('alpha.news');
    assert.deepStrictEqual(diagnostics, [
      {
        range: rangeOf(MARKET_SHELLING, 'killing at least 12 people'),
        severity: 2,
        code: 'casualty-conflict',
        source: 'newslens',
        message: 'Killed: at least 12 (activists) conflicts with 5 (Syrian state television) in beta.txt',
        relatedInformation: [
          {
            location: { uri: client.uri('beta.txt'), range: rangeOf(STATE_TV_ROCKET, '5 people were killed') },
            message: 'Killed: 5 (Syrian state television) in beta.txt',
          },
        ],
        data: { claimId: 'c1' },
      },
      { range: rangeOf(MARKET_SHELLING, 'Four soldiers were killed'), ...UNATTRIBUTED_FOUR },
    ]);
    // beta.txt is not open: nothing is published for it.
    assert.deepStrictEqual(client.publishedFor('beta.txt'), []);
  });

  it('makes a conflict appear in the other article when an edit changes a figure', async () => {
    await client.open('beta.txt', STATE_TV_ROCKET_AGREEING);
    await client.open('alpha.news');
    await client.diagnostics('alpha.news', noConflict);
    await client.diagnostics('beta.txt', noConflict);

    const since = client.mark();
    await client.edit('beta.txt', rangeOf(STATE_TV_ROCKET_AGREEING, '15'), '5');
    assert.strictEqual(client.text('beta.txt'), STATE_TV_ROCKET);
    const alpha = await client.diagnostics('alpha.news', hasConflict, since);
    assert.deepStrictEqual(alpha[0].relatedInformation, [
      {
        location: { uri: client.uri('beta.txt'), range: rangeOf(STATE_TV_ROCKET, '5 people were killed') },
        message: 'Killed: 5 (Syrian state television) in beta.txt',
      },
    ]);
    const beta = await client.diagnostics('beta.txt', hasConflict, since);
    assert.deepStrictEqual(beta, [
      {
        range: rangeOf(STATE_TV_ROCKET, '5 people were killed'),
        severity: 2,
        code: 'casualty-conflict',
        source: 'newslens',
        message: 'Killed: 5 (Syrian state television) conflicts with at least 12 (activists) in alpha.news',
        relatedInformation: [
          {
            location: { uri: client.uri('alpha.news'), range: rangeOf(MARKET_SHELLING, 'killing at least 12 people') },
            message: 'Killed: at least 12 (activists) in alpha.news',
          },
        ],
        data: { claimId: 'c1' },
      },
    ]);

    // And back: the conflict disappears from both.
    const again = client.mark();
    await client.replace('beta.txt', STATE_TV_ROCKET_AGREEING);
    assert.ok(noConflict(await client.diagnostics('alpha.news', noConflict, again)));
    assert.deepStrictEqual(await client.diagnostics('beta.txt', () => true, again), []);
  });

  it('lets the open version win over the disk and hands back to the disk on close', async () => {
    await client.open('alpha.news');
    assert.ok(hasConflict(await client.diagnostics('alpha.news')));
    let since = client.mark();
    await client.open('beta.txt', STATE_TV_ROCKET_AGREEING); // unsaved text that agrees
    await client.diagnostics('alpha.news', noConflict, since);

    since = client.mark();
    await client.close('beta.txt'); // closed without saving: the disk still says 5
    await client.diagnostics('alpha.news', hasConflict, since);
    assert.deepStrictEqual(client.publishedFor('beta.txt').at(-1), { uri: client.uri('beta.txt'), diagnostics: [] });
  });

  it('follows files created and deleted on disk (workspace/didChangeWatchedFiles)', async () => {
    await client.open('alpha.news');
    await client.diagnostics('alpha.news', hasConflict);

    let since = client.mark();
    fs.rmSync(client.path('beta.txt'));
    await client.changeWatchedFiles([{ file: 'beta.txt', type: 3 }]);
    await client.diagnostics('alpha.news', noConflict, since);
    await client.status((s) => s.state === 'ready' && s.articles === 1 && s.conflicts === 0, since);

    since = client.mark();
    client.writeFile('later/gamma.txt', STATE_TV_ROCKET);
    await client.changeWatchedFiles([{ file: 'later/gamma.txt', type: 1 }]);
    const diagnostics = await client.diagnostics('alpha.news', hasConflict, since);
    assert.strictEqual(diagnostics[0].message, 'Killed: at least 12 (activists) conflicts with 5 (Syrian state television) in gamma.txt');
    assert.strictEqual(diagnostics[0].relatedInformation?.[0].location.uri, client.uri('later/gamma.txt'));

    // Deleting the folder is one event for the folder.
    since = client.mark();
    fs.rmSync(client.path('later'), { recursive: true });
    await client.changeWatchedFiles([{ file: 'later', type: 3 }]);
    await client.diagnostics('alpha.news', noConflict, since);
  });

  it('grades and filters diagnostics by the settings', async () => {
    await client.open('alpha.news');
    await client.diagnostics('alpha.news', hasConflict);
    let since = client.mark();
    await client.changeSettings({
      diagnostics: { conflicts: { severity: 'error' }, unattributed: { enabled: false } },
    });
    const graded = await client.diagnostics('alpha.news', (d) => d.length === 1, since);
    assert.deepStrictEqual(
      graded.map((d) => [d.code, d.severity]),
      [['casualty-conflict', 1]],
    );

    since = client.mark();
    await client.changeSettings({ diagnostics: { conflicts: { enabled: false } } });
    const unattributedOnly = await client.diagnostics('alpha.news', (d) => !hasConflict(d), since);
    assert.deepStrictEqual(codes(unattributedOnly), ['unattributed-claim']);
  });

  it('stops analysing files the include globs no longer cover', async () => {
    await client.open('alpha.news');
    await client.open('beta.txt');
    await client.diagnostics('beta.txt', hasConflict);
    const since = client.mark();
    await client.changeSettings({ files: { include: ['**/*.news'] } });
    // beta.txt is plain text outside the globs now: cleared, and no longer counted against alpha.
    await client.waitFor('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: unknown[] }) => p.uri === client.uri('beta.txt') && p.diagnostics.length === 0, since);
    await client.diagnostics('alpha.news', noConflict, since);
    await client.status((s) => s.state === 'ready' && s.articles === 1 && s.conflicts === 0, since);
  });
});
