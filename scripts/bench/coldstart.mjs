// Cold start: what a user waits for before the first answer.
//  - CLI: `newslens analyze` on one small article, process start to exit, next to `node -e 0` (Node's
//    own start-up) and `newslens --version` (the bundle loaded, no analyzer built).
//  - Server: spawn to the initialize response, and to the first publishDiagnostics of an article opened
//    right after `initialized` (which waits for the analyzer the server builds once initialized) and of
//    one opened 2 s later (which does not).
//  - Activation-equivalent: what activation sets off, outside VS Code: loading dist/server.js, then
//    building the analyzer (reading dist/gazetteer.json and indexing it) and the first analyses.
//  - In VS Code itself (code-server in headless chromium, editorStart.mjs): the extension's code
//    loading, activation to the server's initialize answer and to an opened article's first diagnostics.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CLI, REPO_ROOT, countWords, fmtMs, loadSyriaCorpus, log, makeTempDir, markdownTable, median, removeTempDir, requireFromRepo, runMeasured, runNodeJson,
} from './common.mjs';
import { ensureCompiled } from './engine.mjs';
import { editorStartSummary, measureEditorStart } from './editorStart.mjs';
import { BenchLspClient } from './lspClient.mjs';

const SELF = fileURLToPath(import.meta.url);
/** An article opened a moment after start-up, as when an editor opens one after its window. */
const OPEN_LATER_MS = 2000;

/** A short article with a figure, from the corpus when it is there, otherwise a written stand-in. */
function smallArticle() {
  const { articles } = loadSyriaCorpus();
  const candidates = (articles ?? [])
    .map((a) => ({ ...a, words: countWords(a.text) }))
    .filter((a) => a.words >= 150 && a.words <= 300 && /\bkill/i.test(a.text))
    .sort((a, b) => a.words - b.words || (a.name < b.name ? -1 : 1));
  if (candidates.length) return { text: candidates[0].text, words: candidates[0].words, from: 'the shortest Syria article of 150-300 words that mentions killing' };
  const text = 'Shelling kills 12 in Aleppo\n\nAt least 12 people were killed on Monday when shells hit a market in Aleppo, the Syrian Observatory for Human Rights said.\n';
  return { text, words: countWords(text), from: 'a two-sentence stand-in (Syria corpus absent)' };
}

async function timeProcess(args, reps) {
  const runs = [];
  for (let i = 0; i < reps; i++) runs.push(await runMeasured(process.execPath, args, { timeoutMs: 60_000, useGnuTime: false }));
  const ok = runs.filter((r) => r.ok);
  return { wallMs: median(ok.map((r) => r.wallMs)), n: ok.length, failed: runs.length - ok.length, error: runs.find((r) => !r.ok)?.stderrTail };
}

/** The server started on a one-article workspace; the article is opened `openAfterMs` after initialized. */
async function serverStart(root, file, text, openAfterMs = 0) {
  const uri = pathToFileURL(path.join(root, file)).href;
  const client = BenchLspClient.start({ folders: [root], settings: {} });
  try {
    await client.initialize();
    if (openAfterMs > 0) await new Promise((resolve) => setTimeout(resolve, openAfterMs));
    const openedAt = performance.now();
    await client.open(uri, text);
    const diagnostics = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, { timeoutMs: 60_000 });
    const ready = await client.waitReady({ timeoutMs: 60_000 });
    return {
      initializeMs: client.initializedAt - client.spawnedAt,
      firstDiagnosticsMs: diagnostics.at - client.spawnedAt,
      openToDiagnosticsMs: diagnostics.at - openedAt,
      readyMs: ready.at - client.spawnedAt,
    };
  } finally {
    await client.stop();
  }
}

// ---- child: activation-equivalent --------------------------------------------------------------------

async function activationChild(articleFile) {
  const text = fs.readFileSync(articleFile, 'utf8');
  const t0 = performance.now();
  // dist/server.js starts a server on load and picks its transport from argv; --stdio is in ours, and
  // nothing is written to its stdin, so it only waits.
  requireFromRepo(path.join(REPO_ROOT, 'dist', 'server.js'));
  const t1 = performance.now();
  const { loadResources } = requireFromRepo(path.join(REPO_ROOT, 'out', 'server', 'src', 'node', 'resources.js'));
  const { createAnalyzer } = requireFromRepo(path.join(REPO_ROOT, 'out', 'server', 'src', 'engine', 'index.js'));
  const t2 = performance.now();
  const resources = loadResources(REPO_ROOT);
  const t3 = performance.now();
  const analyzer = createAnalyzer(resources);
  const t4 = performance.now();
  analyzer.analyze(text);
  const t5 = performance.now();
  analyzer.analyze(text);
  const t6 = performance.now();
  return {
    resources: Object.keys(resources).join(', '),
    requireServerMs: t1 - t0,
    requireEngineMs: t2 - t1,
    loadResourcesMs: t3 - t2,
    createAnalyzerMs: t4 - t3,
    firstAnalyzeMs: t5 - t4,
    secondAnalyzeMs: t6 - t5,
  };
}

// ---- parent ------------------------------------------------------------------------------------------

export async function runColdStartBench({ quick = false } = {}) {
  ensureCompiled();
  const reps = quick ? 3 : 10;
  const serverReps = quick ? 3 : 5;
  const article = smallArticle();
  const root = makeTempDir('coldstart');
  const file = 'article.txt';
  fs.writeFileSync(path.join(root, file), article.text);
  const result = { article: { words: article.words, from: article.from }, reps, serverReps };
  try {
    log(`coldstart: CLI, ${reps} runs each`);
    result.nodeBare = await timeProcess(['-e', '0'], reps);
    result.cliVersion = await timeProcess([CLI, '--version'], reps);
    result.cliAnalyze = await timeProcess([CLI, 'analyze', '--format', 'json', path.join(root, file)], reps);

    log(`coldstart: server, ${serverReps} starts`);
    const starts = [];
    for (let i = 0; i < serverReps; i++) starts.push(await serverStart(root, file, article.text));
    for (const k of ['initializeMs', 'firstDiagnosticsMs', 'openToDiagnosticsMs', 'readyMs']) result[`server_${k}`] = median(starts.map((s) => s[k]));
    const later = [];
    for (let i = 0; i < serverReps; i++) later.push(await serverStart(root, file, article.text, OPEN_LATER_MS));
    result.server_openLaterToDiagnosticsMs = median(later.map((s) => s.openToDiagnosticsMs));

    log(`coldstart: activation-equivalent, ${serverReps} fresh processes`);
    const acts = [];
    for (let i = 0; i < serverReps; i++) acts.push(await runNodeJson(SELF, ['--child', path.join(root, file), '--stdio'], { timeoutMs: 120_000 }));
    result.activation = Object.fromEntries(
      Object.keys(acts[0]).map((k) => [k, typeof acts[0][k] === 'number' ? median(acts.map((a) => a[k])) : acts[0][k]]),
    );
    const model = path.join(REPO_ROOT, 'dist', 'ner.json');
    result.modelBytes = fs.existsSync(model) ? fs.statSync(model).size : 0;

    result.editor = await measureEditorStart({ quick });
    if (result.editor.error) log(`coldstart: VS Code starts not measured: ${result.editor.error}`);
  } catch (error) {
    result.error = error.message;
    log(`coldstart: failed: ${error.message}`);
  } finally {
    removeTempDir(root);
  }
  result.loadavg = os.loadavg();
  return result;
}

export function coldStartReport(r) {
  const rows = [];
  const add = (what, ms, note = '') => rows.push([what, fmtMs(ms), note]);
  if (r.nodeBare) add('`node -e 0` (Node start-up, the floor)', r.nodeBare.wallMs, `median of ${r.nodeBare.n}`);
  if (r.cliVersion) add('`newslens --version` (CLI bundle loaded, no analyzer)', r.cliVersion.wallMs, `median of ${r.cliVersion.n}`);
  if (r.cliAnalyze) {
    add(
      `\`newslens analyze --format json\` on one ${r.article.words}-word article, start to exit`,
      r.cliAnalyze.wallMs,
      `median of ${r.cliAnalyze.n}${r.cliAnalyze.failed ? `; ${r.cliAnalyze.failed} failed: ${r.cliAnalyze.error}` : ''}`,
    );
  }
  if (Number.isFinite(r.server_initializeMs)) {
    add('server: spawn -> initialize response', r.server_initializeMs, `median of ${r.serverReps}`);
    add('server: spawn -> first publishDiagnostics of the article opened after initialized', r.server_firstDiagnosticsMs, 'includes building the analyzer');
    add('server: didOpen -> first publishDiagnostics', r.server_openToDiagnosticsMs);
    add('server: spawn -> `newslens/status` ready (one-article workspace)', r.server_readyMs);
    if (Number.isFinite(r.server_openLaterToDiagnosticsMs)) {
      add(`server: didOpen ${OPEN_LATER_MS / 1000} s after initialized -> first publishDiagnostics`, r.server_openLaterToDiagnosticsMs, `median of ${r.serverReps}; the analyzer was built meanwhile`);
    }
  }
  const a = r.activation;
  if (a) {
    add('activation-equivalent: require dist/server.js', a.requireServerMs, `median of ${r.serverReps} fresh processes`);
    add('activation-equivalent: read + parse dist/gazetteer.json (loadResources)', a.loadResourcesMs);
    add('activation-equivalent: createAnalyzer (gazetteer index)', a.createAnalyzerMs);
    add('activation-equivalent: first analyze of the article', a.firstAnalyzeMs, 'lazy set-up (the entity model, if any) and cold JIT');
    add('activation-equivalent: second analyze of the article', a.secondAnalyzeMs);
  }
  for (const e of r.editor?.starts ? editorStartSummary(r.editor) : []) {
    const where = `${e.workspace} (${e.articles} articles)`;
    const of = `median of ${e.n}`;
    add(`VS Code, ${where}: window opened -> workbench shows the folder`, e.windowMs, `${of}; VS Code's own load in chromium`);
    add(`VS Code, ${where}: extension code loaded (dist/client.js)`, e.codeLoadedMs, 'from its first module to activate()');
    add(`VS Code, ${where}: activation -> language server ready`, e.serverReadyMs, 'initialize answered');
    add(`VS Code, ${where}: activation -> first diagnostics of the opened article`, e.firstDiagnosticsMs, 'the model loading included');
    if (Number.isFinite(e.firstDiagnosticsSinceOpenedMs)) {
      const fewer = e.sinceOpenedN < e.n ? `median of ${e.sinceOpenedN} of the ${e.n} starts: in the others the extension activated only after the article was opened` : '';
      add(`VS Code, ${where}: article opened -> its first diagnostics`, e.firstDiagnosticsSinceOpenedMs, fewer);
    }
  }
  const lines = [];
  if (r.error) lines.push(`**Could not complete:** ${r.error}`, '');
  lines.push(markdownTable(['step', 'time', 'note'], rows));
  lines.push(
    '',
    ...editorNotes(r.editor),
    `- The small article is ${r.article.from}.`,
    `- The analyzer is built the way \`sharedAnalyzer()\` builds it, from \`loadResources()\` (which returned: ${a?.resources ?? 'n/a'}). ` +
      (r.modelBytes
        ? `The entity model dist/ner.json (${(r.modelBytes / 1024 / 1024).toFixed(1)} MB) is read lazily on the first analysis, so its loading is in the "first analyze" rows; the server makes that first analysis once initialized (its warm-up), so an article opened at once waits for it and one opened later does not.`
        : 'There is no entity model in dist/ (dist/ner.json), so no model loading is measured.'),
    `- Load average at the end: ${r.loadavg.map((l) => l.toFixed(1)).join(' / ')}.`,
  );
  return lines.join('\n');
}

function editorNotes(editor) {
  if (!editor) return ['- The VS Code starts were not measured in this run.'];
  if (editor.error) return [`- **VS Code starts not measured:** ${editor.error}.`];
  return [
    `- The VS Code rows: NewsLens's .vsix installed into code-server ${editor.codeServer} (a VS Code build), a window opened in headless ` +
      `chromium on a copy of the workspace, ${editor.reps} start${editor.reps === 1 ? '' : 's'} each with fresh user data, and the article first by name opened ` +
      'with Ctrl+P once the workbench shows the folder. The extension logs its start-up times to its output channel (client/src/startupTimes.ts); ' +
      'they are read back from the log code-server saves. The window, the extension host, the language server and its indexing ' +
      'workers share the machine\'s cores, as they do for a user.',
  ];
}

// Only when run as the child itself: other benchmarks import this module.
if (process.argv[1] === SELF && process.argv[2] === '--child') {
  const result = await activationChild(process.argv[3]);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0); // dist/server.js holds stdin open; nothing else would end this process
}
