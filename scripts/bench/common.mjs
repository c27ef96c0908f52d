// Shared by the benchmarks: where things are, the Syria corpus, statistics, tables, and running a
// child process with a timeout while recording its wall time and peak RSS.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_ROOT = path.resolve(REPO_ROOT, '..', 'shared');
export const SYRIA_DIR = path.join(SHARED_ROOT, 'corpus', 'syria');
export const CLI = path.join(REPO_ROOT, 'bin', 'newslens.js');
export const requireFromRepo = createRequire(path.join(REPO_ROOT, 'package.json'));
/** The compiled engine and its resource loader (tsc's output in out/), which the in-process benchmarks load. */
export const RESOURCES_JS = path.join(REPO_ROOT, 'out', 'server', 'src', 'node', 'resources.js');
export const ENGINE_JS = path.join(REPO_ROOT, 'out', 'server', 'src', 'engine', 'index.js');

/**
 * Loads the resources once and returns a maker of fresh analyzers. The tagger's model is parsed by the
 * first analyzer that needs it and shared by the rest; each analyzer has read one sentence with a name
 * (its tagger loaded) before it is handed out, as a CLI run's has before its first article, so no
 * clock started after it counts that set-up.
 */
export function freshAnalyzers() {
  const { loadResources } = requireFromRepo(RESOURCES_JS);
  const { createAnalyzer } = requireFromRepo(ENGINE_JS);
  const loaded = loadResources();
  let model;
  const resources = { ...loaded, nerModel: () => (model === undefined ? (model = loaded.nerModel()) : model) };
  return () => {
    const analyzer = createAnalyzer(resources);
    analyzer.analyze('Reporters in Aleppo said John Smith was killed on Monday.');
    return analyzer;
  };
}

/** The same word definition for every contender, so words/second compare like with like. */
export const WORD = /\p{L}+|\d+/gu;

export function countWords(text) {
  return (text.match(WORD) || []).length;
}

/** The Syria corpus as { name, text } sorted by file name, or null (with the reason) when it is absent. */
export function loadSyriaCorpus() {
  if (!fs.existsSync(SYRIA_DIR)) return { articles: null, reason: `${SYRIA_DIR} does not exist` };
  const names = fs.readdirSync(SYRIA_DIR).filter((f) => f.endsWith('.txt')).sort();
  if (names.length === 0) return { articles: null, reason: `${SYRIA_DIR} holds no .txt articles` };
  const articles = names.map((name) => ({ name, text: fs.readFileSync(path.join(SYRIA_DIR, name), 'utf8') }));
  return { articles, reason: null };
}

// ---- statistics -------------------------------------------------------------------------------------

export function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile: always a value that was actually observed. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values) {
  return {
    n: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    max: values.length ? Math.max(...values) : NaN,
    min: values.length ? Math.min(...values) : NaN,
  };
}

// ---- formatting -------------------------------------------------------------------------------------

export function fmtInt(n) {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'n/a';
}

export function fmtMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}

export function fmtMiB(bytes) {
  return Number.isFinite(bytes) ? `${Math.round(bytes / 1024 / 1024).toLocaleString('en-US')} MiB` : 'n/a';
}

export function fmtRatio(x) {
  return Number.isFinite(x) ? `${x >= 10 ? x.toFixed(0) : x.toFixed(1)}x` : 'n/a';
}

/** A Markdown table; the console gets the same text, which reads fine as plain columns too. */
export function markdownTable(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c ?? '')));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(cells[0]), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
}

export function log(message) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

// ---- machine ----------------------------------------------------------------------------------------

export function machineInfo() {
  const cpuinfo = safeRead('/proc/cpuinfo');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  const memKb = Number(/^MemTotal:\s*(\d+)/m.exec(safeRead('/proc/meminfo'))?.[1] ?? os.totalmem() / 1024);
  const nproc = spawnSync('nproc', { encoding: 'utf8' }).stdout?.trim() || String(os.availableParallelism());
  const git = (args) => spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  // The numbers belong to the working tree, which is often ahead of HEAD while work is in progress.
  const dirty = git(['status', '--porcelain']).length > 0;
  return {
    nproc,
    cpu: model,
    memory: `${(memKb / 1024 / 1024).toFixed(1)} GiB`,
    node: process.version,
    heapLimit: fmtMiB(v8.getHeapStatistics().heap_size_limit),
    commit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    dirty,
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  };
}

export function describeMachine(m) {
  return (
    `${m.nproc} cores (nproc), ${m.cpu}, ${m.memory} RAM, Node ${m.node} (default V8 heap limit ${m.heapLimit}); ` +
    `commit ${m.commit}${m.dirty ? ' with uncommitted changes in the working tree' : ''}; ${m.date}`
  );
}

function safeRead(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

// ---- child processes --------------------------------------------------------------------------------

const GNU_TIME = '/usr/bin/time';

export function hasGnuTime() {
  if (!fs.existsSync(GNU_TIME)) return false;
  // busybox's `time` has no -v; only GNU time reports the peak RSS.
  const probe = spawnSync(GNU_TIME, ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
}

/** Peak RSS of a live process so far, in bytes (VmHWM is the kernel's own high-water mark). */
export function peakRssOf(pid) {
  const kb = /^VmHWM:\s*(\d+)\s*kB/m.exec(safeRead(`/proc/${pid}/status`))?.[1];
  return kb ? Number(kb) * 1024 : NaN;
}

let clockTicks;

/** CPU time (user + system) a live process has used so far, in ms; NaN when it is gone. */
export function cpuTimeOf(pid) {
  const stat = safeRead(`/proc/${pid}/stat`);
  if (!stat) return NaN;
  // Fields after the parenthesised command name (which may itself hold spaces): utime and stime are
  // the 14th and 15th fields of the line, the 12th and 13th after the name.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  clockTicks ??= Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
}

/** The first child process of a live process (what GNU time runs), or undefined. */
function firstChildOf(pid) {
  const children = safeRead(`/proc/${pid}/task/${pid}/children`).trim();
  return children ? Number(children.split(/\s+/)[0]) : undefined;
}

/**
 * Runs a command to completion or until timeoutMs, with stdout to `stdoutFile` (default /dev/null).
 * Peak RSS comes from GNU time when installed, otherwise from polling /proc/<pid>/status (which can
 * miss growth in the last poll interval before exit). Resolves with
 * { ok, code, signal, timedOut, wallMs, peakRss, userS, sysS, stderrTail, rssMethod }.
 */
export function runMeasured(command, args, { timeoutMs, stdoutFile = '/dev/null', cwd = REPO_ROOT, useGnuTime = hasGnuTime() } = {}) {
  return new Promise((resolve) => {
    const timeFile = path.join(os.tmpdir(), `newslens-bench-time-${process.pid}-${Date.now()}.txt`);
    tempDirs.add(timeFile);
    const out = fs.openSync(stdoutFile, 'w');
    const [cmd, argv] = useGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
    const started = performance.now();
    // Its own process group, so a timeout kills the measured process and not only GNU time.
    installCleanup();
    const child = spawn(cmd, argv, { cwd, stdio: ['ignore', out, 'pipe'], detached: true });
    processGroups.add(child.pid);
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    let polledPeak = NaN;
    // Without GNU time this is the measurement; with it, a fallback for a run killed at its timeout
    // (GNU time dies with it and writes no report), so polling once a second is enough.
    const poller = setInterval(
      () => {
        const pid = useGnuTime ? firstChildOf(child.pid) : child.pid;
        const rss = pid === undefined ? NaN : peakRssOf(pid);
        if (Number.isFinite(rss)) polledPeak = Number.isFinite(polledPeak) ? Math.max(polledPeak, rss) : rss;
      },
      useGnuTime ? 1000 : 50,
    );
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs);
    child.on('close', (code, signal) => {
      const wallMs = performance.now() - started;
      processGroups.delete(child.pid);
      const timeReport = safeRead(timeFile);
      removeTempDir(timeFile);
      clearTimeout(timer);
      clearInterval(poller);
      fs.closeSync(out);
      let peakRss = polledPeak;
      let userS = NaN;
      let sysS = NaN;
      let exitCode = code;
      if (useGnuTime) {
        const report = timeReport;
        const kb = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report)?.[1];
        if (kb) peakRss = Number(kb) * 1024;
        userS = Number(/User time \(seconds\):\s*([\d.]+)/.exec(report)?.[1] ?? NaN);
        sysS = Number(/System time \(seconds\):\s*([\d.]+)/.exec(report)?.[1] ?? NaN);
        const status = /Exit status:\s*(\d+)/.exec(report)?.[1];
        if (status !== undefined) exitCode = Number(status);
        const killedBy = /Command terminated by signal (\d+)/.exec(report)?.[1];
        if (killedBy) signal = signalName(Number(killedBy));
        // GNU time exits with the child's status, adding its own "Command exited with non-zero status"
        // line to the report file, not to stderr.
      }
      resolve({
        ok: !timedOut && exitCode === 0 && !signal,
        code: exitCode,
        signal,
        timedOut,
        wallMs,
        peakRss,
        userS,
        sysS,
        stderrTail: stderr.trim(),
        rssMethod: useGnuTime ? 'GNU time -v' : 'polling /proc/<pid>/status VmHWM every 50 ms',
      });
    });
  });
}

function signalName(n) {
  const name = Object.entries(os.constants.signals).find(([, v]) => v === n)?.[0];
  return name ? `${name} (signal ${n})` : `signal ${n}`;
}

/** Runs `node <script> args` and parses the last stdout line as JSON (the benchmarks' child protocol). */
export function runNodeJson(script, args, { timeoutMs = 30 * 60_000, nodeArgs = [], cwd = REPO_ROOT } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(last);
        if (code !== 0) parsed.exitCode = code;
        resolve(parsed);
      } catch {
        reject(new Error(`${path.basename(script)} ${args.join(' ')} exited with ${signal ?? code} and no result${signal === 'SIGKILL' ? ` (timeout ${timeoutMs} ms)` : ''}`));
      }
    });
  });
}

// What an interrupted bench must not leave behind: a 100,000-article archive is ~330 MB, and a CLI
// run in its own process group would outlive us.
const tempDirs = new Set();
const processGroups = new Set();
let cleanupInstalled = false;

function installCleanup() {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  const cleanup = (signal) => {
    for (const pgid of processGroups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', cleanup);
  process.once('SIGTERM', cleanup);
}

export function makeTempDir(label) {
  installCleanup();
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), `newslens-bench-${label}-`)));
  tempDirs.add(dir);
  return dir;
}

/** Removes a directory made by makeTempDir (or a registered temporary file). */
export function removeTempDir(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** True when any .ts file under the given source folders is newer than its compiled counterpart in out/. */
export function compiledOutputStale(sourceDirs) {
  for (const dir of sourceDirs) {
    const abs = path.join(REPO_ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    for (const entry of fs.readdirSync(abs, { recursive: true })) {
      if (!String(entry).endsWith('.ts')) continue;
      const source = path.join(abs, entry);
      const compiled = path.join(REPO_ROOT, 'out', dir, String(entry).replace(/\.ts$/, '.js'));
      if (!fs.existsSync(compiled) || fs.statSync(compiled).mtimeMs < fs.statSync(source).mtimeMs) return true;
    }
  }
  return false;
}
