// Scale curve: the CLI over synthetic archives of 1,000 / 10,000 / 100,000 articles, and the language
// server's workspace index over 1,000 and 10,000, with wall time and peak RSS.
//
// Each archive is generated into os.tmpdir() just before its runs and deleted right after, so at most
// one (about 330 MB for 100,000 articles) is on disk at a time. Every run has a timeout; a run that
// times out or dies (out of memory, string too long for JSON) is reported as such, since that is a
// finding, not a benchmark failure.
//
// The server indexes each archive twice: alone, then with a small article open in the editor that is
// probed with edits and hovers while it indexes. The target says indexing must never block the open
// document; the probes show whether it does, and the second time shows what an open document costs.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CLI, cpuTimeOf, fmtInt, fmtMiB, fmtMs, hasGnuTime, loadSyriaCorpus, log, makeTempDir, markdownTable, removeTempDir, runMeasured, summarize,
} from './common.mjs';
import { ensureCompiled } from './engine.mjs';
import { BenchLspClient, positionAt } from './lspClient.mjs';
import { prepareSynth, writeSynthCorpus } from './synth.mjs';

const MINUTE = 60_000;
const CLI_TIMEOUT = { 1000: 5 * MINUTE, 10000: 20 * MINUTE, 100000: 60 * MINUTE };
const SERVER_TIMEOUT = { 1000: 5 * MINUTE, 10000: 20 * MINUTE, 100000: 60 * MINUTE };
const PROBE_EVERY_MS = 500;

/**
 * Runs carried in the generated block, so that a run of some sizes (`--sizes 1000`, `--quick`) keeps
 * the last measurement of the others, each labelled with when and at which commit it was made.
 */
const DATA_RE = /<!-- scale-data:([A-Za-z0-9+/=]+) -->/;

export function previousScaleRuns(markdown) {
  const m = DATA_RE.exec(markdown ?? '');
  if (!m) return [];
  try {
    return JSON.parse(Buffer.from(m[1], 'base64').toString('utf8'));
  } catch {
    return [];
  }
}

export async function runScaleBench({ quick = false, sizes, serverSizes, timeoutScale = 1, stamp = null, previousScale = [] } = {}) {
  const { articles, reason } = loadSyriaCorpus();
  if (!articles) return { skipped: `the Syria corpus is absent (${reason})` };
  sizes ??= quick ? [1000] : [1000, 10000, 100000];
  serverSizes ??= quick ? [1000] : [1000, 10000];
  ensureCompiled();
  const gnuTime = hasGnuTime();
  if (!gnuTime) log('scale: GNU time (/usr/bin/time -v, Debian package "time") is missing; peak RSS of the CLI comes from polling /proc');
  log('scale: preparing the generator (one engine pass over the Syria corpus to find its place names)');
  const prep = prepareSynth(articles);
  const runs = [];
  for (const size of sizes) {
    const root = makeTempDir(`scale-${size}`);
    try {
      log(`scale: writing ${fmtInt(size)} synthetic articles to ${root}`);
      const t0 = performance.now();
      const archive = path.join(root, 'archive');
      const corpus = writeSynthCorpus(archive, size, prep);
      corpus.generateMs = performance.now() - t0;
      const run = { size, corpus, stamp };
      runs.push(run);

      const timeout = (CLI_TIMEOUT[size] ?? 30 * MINUTE) * timeoutScale;
      /** One CLI run over the archive, its report to a file whose size is kept and which is then removed. */
      const runCli = async (what, args, outputName) => {
        log(`scale: CLI analyze (${what}) over ${fmtInt(size)} articles (timeout ${fmtMs(timeout)})`);
        const output = path.join(root, outputName);
        const measured = await runMeasured(process.execPath, [CLI, 'analyze', ...args, archive], { timeoutMs: timeout, stdoutFile: output, useGnuTime: gnuTime });
        measured.outputBytes = fs.existsSync(output) ? fs.statSync(output).size : 0;
        fs.rmSync(output, { force: true });
        measured.timeoutMs = timeout;
        log(`scale: CLI ${what} ${fmtInt(size)}: ${describeRun(measured)}`);
        return measured;
      };
      run.cli = await runCli('JSON report', ['--format', 'json'], 'report.json');
      // The default report: the diagnostics alone, without the JSON of every analysis.
      run.cliText = await runCli('text report', [], 'report.txt');

      if (serverSizes.includes(size)) {
        const serverTimeout = (SERVER_TIMEOUT[size] ?? 60 * MINUTE) * timeoutScale;
        // Twice: alone (the target's number), then with a document open in the editor, which the
        // server republishes whenever an indexed file shares one of its event buckets.
        for (const probe of [false, true]) {
          const s = await indexWithServer(archive, size, serverTimeout, probe);
          run[probe ? 'serverProbed' : 'server'] = s;
          log(`scale: server ${fmtInt(size)}${probe ? ' with an open document' : ''}: ${s.error ?? `ready after ${fmtMs(s.readyMs)}, peak RSS ${fmtMiB(s.peakRss)}`}`);
        }
      }
    } finally {
      removeTempDir(root);
    }
  }
  for (const old of previousScale) {
    if (!runs.some((r) => r.size === old.size)) runs.push({ ...old, carried: true });
  }
  runs.sort((a, b) => a.size - b.size);
  return { runs, gnuTime, syrianPlaces: prep.syrianPlaceCount, townPool: prep.pool.length, loadavg: os.loadavg() };
}

function describeRun(r) {
  const what = r.timedOut ? `TIMED OUT after ${fmtMs(r.timeoutMs)}` : r.ok ? 'ok' : `FAILED (${exitOf(r)})`;
  return `${what}, ${fmtMs(r.wallMs)} wall, peak RSS ${fmtMiB(r.peakRss)}`;
}

function exitOf(r) {
  return r.signal ? `killed by ${r.signal}` : `exit ${r.code}`;
}

/** What went wrong, in a line, from the tail of a failed run's stderr. */
function failureCause(stderr) {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const telling = lines.find((l) => /heap out of memory|Invalid string length|RangeError|Error:|FATAL/i.test(l));
  return telling ?? lines.slice(-1)[0] ?? '';
}

/**
 * Starts the server on the archive and measures spawn -> 'ready' and the server's peak RSS. With
 * `probe`, also opens a document outside the workspace (a .news file, analysed wherever it is) and
 * edits and hovers it while the workspace is indexed.
 */
async function indexWithServer(folder, size, timeoutMs, probe) {
  log(`scale: server indexing ${fmtInt(size)} articles${probe ? ' with an open document probed' : ''} (timeout ${fmtMs(timeoutMs)})`);
  const probeDir = makeTempDir('probe');
  const uri = pathToFileURL(path.join(probeDir, 'editing.news')).href;
  let text = 'Shelling kills 12 in Aleppo\n\nAt least 12 people were killed on Monday, the Syrian Observatory for Human Rights said.\n';
  const client = BenchLspClient.start({ folders: [folder], settings: { analysis: { debounceMs: 0 } } });
  const result = { size, probe };
  const probes = { change: [], hover: [] };
  try {
    await client.initialize();
    result.initializeMs = client.initializedAt - client.spawnedAt;
    if (!probe) {
      const readyMessage = await client.waitReady({ timeoutMs });
      Object.assign(result, readyFacts(client, readyMessage));
      return result;
    }
    const opened = performance.now();
    await client.open(uri, text, 'newslens');
    // The first analysis also builds the analyzer (gazetteer index): a start-up cost, not blocking by
    // indexing, so the probes start after it.
    const first = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, { timeoutMs });
    result.openToDiagnosticsMs = first.at - opened;
    const readyPromise = client.waitReady({ timeoutMs });
    let ready = null;
    let settled = false;
    readyPromise.then((m) => (ready = m), () => undefined).finally(() => (settled = true));
    let i = 0;
    while (!settled && !client.exited) {
      await new Promise((r) => setTimeout(r, PROBE_EVERY_MS));
      if (ready) break;
      const since = client.mark();
      const t0 = performance.now();
      // The figure after "At least" in the body, whatever it reads now.
      const at = text.indexOf('At least ') + 'At least '.length;
      const figure = /^\d+/.exec(text.slice(at))[0];
      const replacement = String(12 + (++i % 5));
      const version = await client.edit(uri, at, at + figure.length, replacement);
      text = client.docs.get(uri).text;
      try {
        const published = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, {
          since,
          timeoutMs: Math.max(1000, timeoutMs - (performance.now() - client.spawnedAt)),
        });
        probes.change.push(published.at - t0);
      } catch {
        break; // the ready wait reports the timeout
      }
      const h = await client.timed('textDocument/hover', { textDocument: { uri }, position: positionAt(text, at + 1) });
      probes.hover.push(h.ms);
      // Probes that ran after indexing ended say nothing about blocking.
      if (ready && ready.at < t0) {
        probes.change.pop();
        probes.hover.pop();
      }
    }
    Object.assign(result, readyFacts(client, await readyPromise));
  } catch (error) {
    result.error = `${error.message}`.slice(0, 600);
    result.peakRss = client.peakRss();
  } finally {
    if (probe) {
      result.probeChange = summarize(probes.change);
      result.probeHover = summarize(probes.hover);
    }
    await client.stop();
    removeTempDir(probeDir);
  }
  return result;
}

function carriedLabel(stamp) {
  return stamp ? `carried over: ${stamp.quick ? 'quick run, ' : ''}${stamp.date.slice(0, 10)}, commit ${stamp.commit}` : 'carried over from an earlier run';
}

function readyFacts(client, readyMessage) {
  const line = client.logs().find((m) => /^read \d+ files? in \d+ ms/.test(m));
  const capped = client.logs().find((m) => /indexing the first/.test(m));
  return {
    readyMs: readyMessage.at - client.spawnedAt,
    readyAfterInitializeMs: readyMessage.at - client.initializedAt,
    articles: readyMessage.params.articles,
    conflicts: readyMessage.params.conflicts,
    peakRss: client.peakRss(),
    cpuMs: cpuTimeOf(client.pid),
    serverReportedMs: line ? Number(/in (\d+) ms/.exec(line)[1]) : NaN,
    ...(capped ? { capped } : {}),
  };
}

export function scaleReport(r) {
  if (r.skipped) return `Scale curve: skipped, ${r.skipped}.`;
  const lines = [
    'Synthetic archives: each article joins the first half of one Syria article to the second half of another, ' +
      `with its Syrian towns (${r.syrianPlaces} surface forms the engine finds in the corpus) swapped for towns from a pool of ` +
      `${fmtInt(r.townPool)} gazetteer towns, years and months shifted (days kept valid for their new month) and figures other than dates moved by up to ±40%. ` +
      `Peak RSS of the CLI from ${r.gnuTime ? 'GNU `time -v`' : 'polling /proc/<pid>/status VmHWM (GNU time is not installed)'}; ` +
      'of the server from its VmHWM when indexing is done.',
    '',
    '**CLI** (`newslens analyze --format json <archive>`, stdout to a file):',
    '',
  ];
  const cliRows = (which) =>
    r.runs
      .filter((x) => x[which])
      .map(({ size, corpus, carried, stamp, ...x }) => {
        const cli = x[which];
        const cpuS = cli.userS + cli.sysS;
        const status = cli.timedOut ? `timed out after ${fmtMs(cli.timeoutMs)}` : cli.ok ? 'ok' : `failed (${exitOf(cli)}): ${failureCause(cli.stderrTail)}`;
        return [
          `${fmtInt(size)}${carried ? ` (${carriedLabel(stamp)})` : ''}`,
          fmtInt(corpus.words),
          fmtMs(cli.wallMs),
          Number.isFinite(cpuS) ? fmtMs(cpuS * 1000) : 'n/a',
          cli.ok ? fmtMs((cli.wallMs / size) * 1000) : 'n/a',
          cli.ok && Number.isFinite(cpuS) ? fmtInt(corpus.words / cpuS) : 'n/a',
          fmtMiB(cli.peakRss),
          cli.ok ? fmtMiB(cli.outputBytes) : '',
          status,
        ];
      });
  const cliHeaders = (out) => ['articles', 'words', 'wall', 'CPU (user+sys)', 'wall per 1,000', 'words/CPU-s', 'peak RSS', out, 'result'];
  lines.push(markdownTable(cliHeaders('JSON out'), cliRows('cli')));
  const textRows = cliRows('cliText');
  if (textRows.length) {
    lines.push(
      '',
      '**CLI, text report** (`newslens analyze <archive>`, the default: the diagnostics alone; stdout to a file):',
      '',
      markdownTable(cliHeaders('report out'), textRows),
    );
  }
  const serverRuns = r.runs.flatMap((x) => [x.server, x.serverProbed].filter(Boolean).map((s) => ({ ...s, carried: x.carried, stamp: x.stamp })));
  if (serverRuns.length) {
    lines.push('', '**Server workspace index** (spawn to the `newslens/status` notification saying `ready`; target: 10,000 in under 60 s under 1 GB):', '');
    lines.push(
      markdownTable(
        ['articles', 'initialize', 'open doc: first diagnostics', 'ready (from spawn)', 'server log says', 'server CPU', 'peak RSS', 'conflicts', 'probe didChange->diag p50/p95/max', 'probe hover p50/p95/max', 'result'],
        serverRuns.map((s) => [
          `${fmtInt(s.size)}${s.probe ? ', open document probed' : ''}${s.carried ? ` (${carriedLabel(s.stamp)})` : ''}`,
          fmtMs(s.initializeMs),
          s.probe ? fmtMs(s.openToDiagnosticsMs) : '',
          fmtMs(s.readyMs),
          Number.isFinite(s.serverReportedMs) ? fmtMs(s.serverReportedMs) : 'n/a',
          fmtMs(s.cpuMs),
          fmtMiB(s.peakRss),
          s.conflicts ?? 'n/a',
          s.probeChange?.n ? `${fmtMs(s.probeChange.p50)} / ${fmtMs(s.probeChange.p95)} / ${fmtMs(s.probeChange.max)} (n=${s.probeChange.n})` : '',
          s.probeHover?.n ? `${fmtMs(s.probeHover.p50)} / ${fmtMs(s.probeHover.p95)} / ${fmtMs(s.probeHover.max)}` : '',
          s.error ? `failed: ${s.error}` : s.capped ? `capped: ${s.capped}` : 'ok',
        ]),
      ),
    );
    lines.push(
      '',
      'Each size is indexed twice: with no document open (the target\'s measure), then with a small `.news` article outside ' +
        'the workspace opened right after `initialized` (its first diagnostics include ' +
        `building the analyzer). Probes: every ${PROBE_EVERY_MS} ms while the workspace is indexed, one edit to it (didChange to ` +
        'its diagnostics, debounce 0) and one hover on it; "server log says" is the indexing time the server logs itself.',
    );
  }
  lines.push('', `Load average at the end: ${r.loadavg.map((l) => l.toFixed(1)).join(' / ')}.`);
  if (r.runs.some((x) => x.carried)) lines.push('', 'Rows marked "carried over" were not re-run this time; they keep the measurement they name.');
  // Only what the next run needs to carry rows over: no stderr beyond the one line shown.
  const trimmed = (cli) => cli && { ...cli, stderrTail: failureCause(cli.stderrTail ?? '') };
  const keep = r.runs.map((x) => ({ ...x, carried: undefined, cli: trimmed(x.cli), cliText: trimmed(x.cliText) }));
  lines.push('', `<!-- scale-data:${Buffer.from(JSON.stringify(keep)).toString('base64')} -->`);
  return lines.join('\n');
}

export function scaleTargets(r) {
  if (r.skipped) return [{ target: 'scale curve', measured: `skipped: ${r.skipped}`, met: null }];
  const out = [];
  const note = (run) => (run?.carried ? ` (${carriedLabel(run.stamp)})` : '');
  const run10k = r.runs.find((x) => x.size === 10000);
  const server10k = run10k?.server;
  if (server10k) {
    const ok = !server10k.error && server10k.readyMs < 60_000 && server10k.peakRss < 1024 ** 3;
    out.push({
      target: '10,000 articles indexed by the server < 60 s, < 1 GB RSS',
      measured: `${server10k.error ? `failed: ${server10k.error}` : `${fmtMs(server10k.readyMs)}, ${fmtMiB(server10k.peakRss)}`}${note(run10k)}`,
      met: ok,
    });
  }
  const run100k = r.runs.find((x) => x.size === 100000);
  const cli100k = run100k?.cli;
  if (cli100k) {
    const how = cli100k.timedOut ? `timed out after ${fmtMs(cli100k.timeoutMs)}` : cli100k.ok ? 'completed' : `failed: ${failureCause(cli100k.stderrTail)}`;
    out.push({
      target: '100,000 articles through the CLI without running out of memory',
      measured: `${how}, ${fmtMs(cli100k.wallMs)}, peak RSS ${fmtMiB(cli100k.peakRss)}${note(run100k)}`,
      met: cli100k.ok,
    });
  }
  // Linear means the CPU time per article stays flat as the archive grows. The smallest size carries
  // most of the fixed start-up (analyzer build, cold JIT), so only a rise counts against it; and a
  // size that did not finish leaves linearity up to it unmeasured.
  const done = r.runs.filter((x) => x.cli.ok && Number.isFinite(x.cli.userS));
  const failed = r.runs.filter((x) => !x.cli.ok).map((x) => fmtInt(x.size));
  if (done.length >= 2) {
    const per = done.map((x) => ({ size: x.size, ms: ((x.cli.userS + x.cli.sysS) * 1000) / x.size }));
    const growth = per[per.length - 1].ms / per[0].ms;
    out.push({
      target: 'CLI time grows linearly with the archive',
      measured:
        `CPU per article ${per.map((p) => `${fmtMs(p.ms)} at ${fmtInt(p.size)}`).join(', ')}` +
        (failed.length ? `; ${failed.join(', ')} did not finish, so unmeasured there` : ''),
      met: failed.length ? null : growth < 1.5,
    });
  }
  return out;
}
