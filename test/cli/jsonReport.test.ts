// The JSON report's bodies: written in the first pass over a corpus, in memory or in a temporary file,
// and finished in the second with the diagnostics.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import { EngineDiagnostic } from '../../server/src/engine';
import { documentBody, documentHead, writeCorpusJsonReport } from '../../server/src/cli/jsonReport';
import { ReportBodies, SpillError } from '../../server/src/cli/reportBodies';
import { analyze, analyzer } from '../engine/support';

const SOHR = 'Car bomb hits Jableh\nMarch 3, 2016\nA car bomb killed at least 26 people in Jableh on Thursday, the Observatory said.';
const TV = 'Blast in Jableh\nMarch 3, 2016\nState television said 18 people were killed in Jableh on Thursday.';
const LONE = 'Shelling in Binnish\nThree people were killed in Binnish.';

function reportOf(texts: Map<string, string>, bodies: ReportBodies): { report: string; spilled: boolean } {
  let report = '';
  try {
    writeCorpusJsonReport(analyzer(), { ids: [...texts.keys()], text: (id) => texts.get(id) ?? null }, bodies, '0.0.0', (chunk) => (report += chunk));
    return { report, spilled: bodies.spilled };
  } finally {
    bodies.close();
  }
}

function reportFolders(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('newslens-report-'));
}

describe('cli: JSON report bodies', () => {
  it('keeps bodies in memory within the budget and in a temporary file beyond it, unchanged either way', () => {
    const bodies = new ReportBodies(10);
    const small = bodies.add('{"a": 1}');
    const large = bodies.add('{"place": "Ḩamāh", "quote": "“killed”"}');
    const after = bodies.add('{"b": 22}');
    const fits = bodies.add('{}');
    assert.ok('text' in small);
    assert.ok(!('text' in large) && !('text' in after), 'past the budget');
    assert.ok('text' in fits, 'a body that still fits stays in memory');
    assert.ok(bodies.spilled);
    assert.strictEqual(bodies.take(large), '{"place": "Ḩamāh", "quote": "“killed”"}');
    assert.strictEqual(bodies.take(small), '{"a": 1}');
    assert.strictEqual(bodies.take(after), '{"b": 22}');
    assert.strictEqual(bodies.take(fits), '{}');
    bodies.close();
  });

  it('says in one line why it cannot make its temporary file', () => {
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = '/nonexistent/newslens-test';
    const bodies = new ReportBodies(0);
    try {
      assert.throws(
        () => bodies.add('{}'),
        (err: Error) => err instanceof SpillError && /^cannot make a temporary folder in \/nonexistent\/newslens-test for the report: ENOENT/.test(err.message) && !err.message.includes('\n'),
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      bodies.close();
    }
  });

  it('fills in the diagnostics as JSON.stringify would have written them in the last field', () => {
    const analysis = analyze(LONE);
    const head = documentHead('lone.txt', analysis);
    assert.strictEqual(documentBody(head, []), head);
    const diagnostics: EngineDiagnostic[] = [
      ...analysis.diagnostics,
      { start: 3, end: 9, severity: 'warning', code: 'casualty-conflict', message: 'x', related: [{ documentId: 'b.txt', start: 1, end: 2, message: 'y' }] },
    ];
    const body = documentBody(head, diagnostics);
    const whole = { ...JSON.parse(head), diagnostics: JSON.parse(body).diagnostics };
    assert.strictEqual(body, JSON.stringify(whole, null, 2));
    assert.deepStrictEqual(whole.diagnostics[1], {
      start: 3, end: 9, severity: 'warning', code: 'casualty-conflict', message: 'x', related: [{ path: 'b.txt', start: 1, end: 2, message: 'y' }],
    });
    assert.throws(() => documentBody('{}', diagnostics), /not a document head/);
  });

  it('writes the same report of a corpus whether its bodies stay in memory or go to a file, and leaves no file', () => {
    const texts = new Map([['sohr.txt', SOHR], ['tv.txt', TV], ['lone.txt', LONE]]);
    const before = reportFolders();
    const spilled = reportOf(texts, new ReportBodies(0));
    const held = reportOf(texts, new ReportBodies());
    assert.ok(spilled.spilled && !held.spilled);
    assert.strictEqual(spilled.report, held.report);
    assert.deepStrictEqual(reportFolders(), before);
    const report = JSON.parse(held.report);
    assert.deepStrictEqual(report.documents.map((d: { path: string }) => d.path), ['sohr.txt', 'tv.txt', 'lone.txt']);
    assert.ok(report.documents[0].diagnostics.some((d: { code: string }) => d.code === 'casualty-conflict'));
  });
});
