// Unit tests of the server's pure helpers: offset <-> position conversion (the one place it happens),
// include globs, URIs, the skip rules for odd text, source tag names and settings validation; and of
// the workspace index's remembered conflicts and when the diagnostics publisher sends.

import * as assert from 'assert';
import { Connection, PublishDiagnosticsParams } from 'vscode-languageserver';
import { analyseArticle } from '../../server/src/lsp/analysis';
import { looksBinary, skipReasonForText } from '../../server/src/lsp/articleFiles';
import { compileGlob, GlobSet } from '../../server/src/lsp/globs';
import { LineIndex } from '../../server/src/lsp/positions';
import { DiagnosticsPublisher } from '../../server/src/lsp/diagnostics';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings';
import { cleanSourceName } from '../../server/src/lsp/sourceTags';
import { changeBetween, offsetAfter, offsetBefore, touchesChange } from '../../server/src/lsp/textChange';
import { displayName, documentKey, pathToUri, uriToPath } from '../../server/src/lsp/uris';
import { WorkspaceIndex } from '../../server/src/lsp/workspaceIndex';
import { MARKET_SHELLING, STATE_TV_ROCKET, STATE_TV_ROCKET_AGREEING, UNATTRIBUTED_ONLY } from './fixtures';

describe('server: LineIndex (offsets <-> LSP positions)', () => {
  it('counts \\n, \\r\\n and a lone \\r as line ends', () => {
    const lines = LineIndex.of('ab\ncd\r\nef\rgh');
    assert.strictEqual(lines.lineCount, 4);
    assert.deepStrictEqual([0, 2, 3, 5, 7, 8, 10, 11, 13].map((o) => lines.positionAt(o)), [
      { line: 0, character: 0 },
      { line: 0, character: 2 },
      { line: 1, character: 0 },
      { line: 1, character: 2 },
      { line: 2, character: 0 },
      { line: 2, character: 1 },
      { line: 3, character: 0 },
      { line: 3, character: 1 },
      { line: 3, character: 2 }, // clamped to the end of the text
    ]);
  });

  it('never puts a position inside a CRLF', () => {
    const lines = LineIndex.of('ab\r\ncd');
    assert.deepStrictEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.strictEqual(lines.offsetAt({ line: 0, character: 99 }), 2);
  });

  it('counts UTF-16 code units, so astral characters take two', () => {
    const text = 'x\n😢🕊️ nine';
    const lines = LineIndex.of(text);
    const nine = text.indexOf('nine');
    assert.deepStrictEqual(lines.positionAt(nine), { line: 1, character: 6 });
    assert.strictEqual(lines.offsetAt({ line: 1, character: 6 }), nine);
  });

  it('round-trips every offset of a mixed text', () => {
    const text = 'Head\r\n\r\n👨‍👩‍👧 said 5\rkilled\n\n';
    const lines = LineIndex.of(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF: no position
      assert.strictEqual(lines.offsetAt(lines.positionAt(offset)), offset, `offset ${offset}`);
    }
  });

  it('clamps positions outside the text', () => {
    const lines = LineIndex.of('one\ntwo');
    assert.strictEqual(lines.offsetAt({ line: 9, character: 0 }), 7);
    assert.strictEqual(lines.offsetAt({ line: -1, character: 4 }), 0);
    assert.deepStrictEqual(lines.positionAt(-5), { line: 0, character: 0 });
    assert.deepStrictEqual(lines.offsetsOf({ start: { line: 1, character: 2 }, end: { line: 0, character: 1 } }), { start: 1, end: 6 });
    assert.deepStrictEqual(LineIndex.of('').rangeOf({ start: 0, end: 0 }), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
  });
});

describe('server: include globs', () => {
  it('matches the default globs at any depth, and never inside node_modules or .git', () => {
    const globs = new GlobSet(DEFAULT_SETTINGS.files.include);
    assert.deepStrictEqual(
      ['a.news', 'desk/b.txt', 'desk/2019/c.md', 'd.json', 'node_modules/x/e.txt', '.git/f.md', 'desk\\g.txt'].map((p) => globs.matches(p)),
      [true, true, true, false, false, false, true],
    );
  });

  it('supports *, ?, {a,b} and [...]', () => {
    assert.ok(compileGlob('articles/*.{txt,news}')('articles/x.news'));
    assert.ok(!compileGlob('articles/*.{txt,news}')('articles/sub/x.news'));
    assert.ok(compileGlob('wire/??.txt')('wire/ab.txt'));
    assert.ok(compileGlob('[a-c]*.md')('b1.md'));
    assert.ok(!compileGlob('[!a-c]*.md')('b1.md'));
    assert.ok(compileGlob('desk/**')('desk/a/b.txt'));
    assert.ok(compileGlob('**/drafts/*.txt')('drafts/a.txt'));
  });

  it('reads globs the way VS Code does: dot folders included, "./" and backslashes forgiven', () => {
    const globs = new GlobSet(['**/*.txt', './wire/*.news', 'desk\\*.md']);
    assert.deepStrictEqual(
      ['.drafts/a.txt', 'desk/.b.txt', 'wire/c.news', 'desk/d.md', 'desk/sub/e.md', '/f.txt'].map((p) => globs.matches(p)),
      [true, true, true, true, false, true],
    );
  });
});

describe('server: the change between two versions of a text', () => {
  it('finds the one changed region of a replacement and maps offsets around it', () => {
    const before = 'killed 45 people in Homs';
    const after = 'killed 145 people in Homs';
    const change = changeBetween(before, after)!;
    assert.deepStrictEqual(change, { start: 7, oldEnd: 7, newEnd: 8, linesMoved: false }); // "1" inserted before "45"
    assert.strictEqual(offsetBefore(change, after.indexOf('Homs')), before.indexOf('Homs'));
    assert.strictEqual(offsetBefore(change, 2), 2);
    assert.strictEqual(offsetBefore(change, 7), null); // the inserted "1"
    assert.strictEqual(offsetAfter(change, before.indexOf('Homs')), after.indexOf('Homs'));
    assert.ok(touchesChange(change, { start: 7, end: 9 })); // "45" now reads "145"
    assert.ok(!touchesChange(change, { start: before.indexOf('Homs'), end: before.length }));
  });

  it('maps the character after a deletion, and notices line breaks added or removed', () => {
    const change = changeBetween('a bc d', 'a d')!;
    assert.strictEqual(offsetBefore(change, 2), 5); // "d"
    assert.strictEqual(changeBetween('one two', 'one\ntwo')!.linesMoved, true);
    assert.strictEqual(changeBetween('same', 'same'), null);
  });
});

describe('server: URIs', () => {
  it('gives one key to the spellings of one file', () => {
    assert.strictEqual(documentKey('file:///tmp/a%20b/c(1),d.txt'), documentKey('file:///tmp/a b/c(1)%2Cd.txt'));
    assert.strictEqual(pathToUri('/tmp/a b/é.txt'), 'file:///tmp/a%20b/%C3%A9.txt');
    assert.strictEqual(uriToPath('file:///tmp/a%20b/%C3%A9.txt'), '/tmp/a b/é.txt');
    assert.strictEqual(uriToPath('untitled:Untitled-1'), null);
    assert.strictEqual(documentKey('untitled:Untitled-1'), 'untitled:Untitled-1');
    assert.strictEqual(displayName('file:///tmp/desk/other%20article.txt'), 'other article.txt');
  });
});

describe('server: text that is not analysed', () => {
  it('knows binary-looking text from article text with odd characters', () => {
    assert.ok(looksBinary('PNG\u0000\u0000IHDR'));
    assert.ok(looksBinary('\u0001\u0002\u0003\u0004abc\ufffd\ufffd'));
    assert.ok(!looksBinary('Nine civilians — “killed” — 😢 in Jableh\r\n\tsaid medics\f'));
    assert.ok(!looksBinary(''));
  });

  it('measures size in UTF-8 bytes against maxSizeKB', () => {
    assert.strictEqual(skipReasonForText('a'.repeat(1024), 1), null);
    assert.deepStrictEqual(skipReasonForText('é'.repeat(1024), 1), {
      code: 'file-too-large',
      message: 'it is 2 KB, above the newslens.files.maxSizeKB limit of 1 KB',
    });
  });
});

describe('server: source names and settings', () => {
  it('cleans a typed source name to one line without CriticMarkup delimiters', () => {
    assert.strictEqual(cleanSourceName('  army\n medics {>> <<} '), 'army medics');
    assert.strictEqual(cleanSourceName(' \n '), '');
  });

  it('fills missing settings with defaults and ignores malformed ones', () => {
    assert.deepStrictEqual(normalizeSettings(undefined), DEFAULT_SETTINGS);
    assert.deepStrictEqual(
      normalizeSettings({
        files: { include: ['**/*.news', 3, ''], maxSizeKB: -4 },
        diagnostics: { conflicts: { severity: 'fatal', enabled: false }, unattributed: { severity: 'hint' } },
        analysis: { debounceMs: 'soon', workers: 2.7 },
      }),
      {
        files: { include: ['**/*.news'], maxSizeKB: 1 },
        diagnostics: { conflicts: { enabled: false, severity: 'warning' }, unattributed: { enabled: true, severity: 'hint' } },
        analysis: { debounceMs: 300, workers: 2 },
      },
    );
  });
});

describe('server: publishing diagnostics', () => {
  it('sends a new version, and a version the editor already has only when its diagnostics changed', async () => {
    const uri = 'file:///desk/blast.txt';
    const index = new WorkspaceIndex();
    const sent: PublishDiagnosticsParams[] = [];
    let rechecks = 0;
    let editorVersion = 1;
    const connection = { sendDiagnostics: async (params: PublishDiagnosticsParams) => void sent.push(params) } as unknown as Connection;
    let settings = DEFAULT_SETTINGS;
    const publisher = new DiagnosticsPublisher(connection, index, () => settings, () => editorVersion, () => rechecks++);
    const flushed = () => new Promise<void>((resolve) => setImmediate(resolve));
    const analyse = (version: number, text = UNATTRIBUTED_ONLY) => {
      const document = analyseArticle({ key: uri, uri, origin: 'open', version, text }, 1024, () => undefined);
      publisher.schedule([uri, ...index.set(document)]);
    };

    analyse(1);
    await flushed();
    assert.deepStrictEqual(sent.map((p) => [p.version, p.diagnostics.length]), [[1, 1]]);

    // Re-checked (another article's edit touched it) and unchanged: the editor has it already.
    publisher.schedule([uri]);
    await flushed();
    assert.strictEqual(sent.length, 1);
    assert.strictEqual(rechecks, 2, 'lenses are still refreshed: they may count what diagnostics leave out');

    // The same text under a new version: published, so the editor knows the version is checked.
    editorVersion = 2;
    analyse(2);
    await flushed();
    assert.deepStrictEqual(sent.map((p) => p.version), [1, 2]);

    // Other settings make other diagnostics for the same version: published.
    settings = normalizeSettings({ diagnostics: { unattributed: { enabled: false } } });
    publisher.schedule([uri]);
    await flushed();
    assert.deepStrictEqual(sent.map((p) => [p.version, p.diagnostics.length]), [[1, 1], [2, 1], [2, 0]]);

    // Cleared (closed) and opened again: published again even at the same version.
    settings = DEFAULT_SETTINGS;
    publisher.clear(uri);
    publisher.schedule([uri]);
    await flushed();
    assert.deepStrictEqual(sent.slice(3).map((p) => [p.version, p.diagnostics.length]), [[undefined, 0], [2, 1]]);
  });
});

describe('server: conflicts remembered by the workspace index', () => {
  it('answers what the ConflictIndex answers, through every update that changes it', () => {
    const index = new WorkspaceIndex();
    const put = (name: string, text: string, version: number | null = null) =>
      index.set(analyseArticle({ key: name, uri: name, origin: version === null ? 'disk' : 'open', version, text }, 1024, () => undefined));
    const same = (key: string) => assert.deepStrictEqual(index.conflictsOf(key), index.conflicts.conflictsOf(key));

    put('alpha', MARKET_SHELLING);
    put('beta', STATE_TV_ROCKET_AGREEING);
    same('alpha');
    assert.strictEqual(index.conflictsOf('alpha').length, 0);
    assert.strictEqual(index.conflictsOf('alpha'), index.conflictsOf('alpha'), 'asked twice, computed once');

    put('beta', STATE_TV_ROCKET, 2); // another document's edit makes a conflict
    same('alpha');
    same('beta');
    assert.strictEqual(index.conflictsOf('alpha').length, 1);

    index.remove('beta');
    same('alpha');
    assert.strictEqual(index.conflictsOf('alpha').length, 0);
  });
});
