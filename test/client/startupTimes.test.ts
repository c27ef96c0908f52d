// The start-up lines the extension writes to its output, and their reading back by the benchmark.
import * as assert from 'assert';
import { StartupTimes, readStartupLines } from '../../client/src/startupTimes';

describe('startup times', () => {
  it('says how long the code took to load and when the server answered, from activation', () => {
    const times = new StartupTimes(100, 130.4);
    assert.strictEqual(
      times.serverReady(545.6),
      'NewsLens started: code loaded in 30 ms, language server ready 415 ms after activation',
    );
  });

  it('times the first diagnostics of an article opened after activation from its opening too', () => {
    const times = new StartupTimes(0, 50);
    times.documentOpened('file:///a.news', 900);
    assert.strictEqual(
      times.diagnosticsArrived('file:///a.news', 1250),
      'NewsLens first diagnostics of an open article 1200 ms after activation, 350 ms after it was opened',
    );
  });

  it('times an article open before activation from activation alone', () => {
    const times = new StartupTimes(0, 50);
    times.documentOpened('file:///other.news', 60);
    assert.strictEqual(times.diagnosticsArrived('file:///a.news', 800), 'NewsLens first diagnostics of an open article 750 ms after activation');
  });

  it('speaks of the first diagnostics once', () => {
    const times = new StartupTimes(0, 0);
    assert.strictEqual(times.awaitsFirstDiagnostics, true);
    assert.ok(times.diagnosticsArrived('file:///a.news', 10));
    assert.strictEqual(times.awaitsFirstDiagnostics, false);
    times.documentOpened('file:///b.news', 20);
    assert.strictEqual(times.diagnosticsArrived('file:///b.news', 30), undefined);
  });

  it('reads its own lines back from an output log, as VS Code writes them', () => {
    const times = new StartupTimes(10, 42);
    times.documentOpened('file:///a.news', 100);
    const log = [
      '[Info  - 12:00:01 PM] ' + times.serverReady(400),
      '[Info  - 12:00:02 PM] other news',
      '[Info  - 12:00:03 PM] ' + times.diagnosticsArrived('file:///a.news', 1042),
    ].join('\n');
    assert.deepStrictEqual(readStartupLines(log), {
      codeLoadedMs: 32, serverReadyMs: 358, firstDiagnosticsMs: 1000, firstDiagnosticsSinceOpenedMs: 942,
    });
  });

  it('reads a log that has not got that far as the parts it has', () => {
    assert.deepStrictEqual(readStartupLines(''), {});
    assert.deepStrictEqual(
      readStartupLines('[Info] NewsLens started: code loaded in 7 ms, language server ready 300 ms after activation'),
      { codeLoadedMs: 7, serverReadyMs: 300 },
    );
  });
});
