// LSP latency over stdio on a ~5,000-word article, as an editor sees it: didChange until the
// publishDiagnostics of that version, hover and code lens request round trips.
//
// The article is assembled at run time from Syria corpus articles (one headline, the bodies as
// paragraphs) in a temporary workspace that also holds the 542 corpus articles, so an edit's conflict
// re-check runs against a newsroom-sized set of event buckets, not an empty index.
//
// Three phases, because the server debounces typing (newslens.analysis.debounceMs, default 300 ms):
//  1. debounce 0: didChange -> diagnostics is the server's own work (analysis, conflict re-check,
//     publication); then hover on the edited figure, hover on a place or actor, code lens.
//  2. default debounce: what the user waits for after the last keystroke (debounce + work).
//  3. hover sent straight after a didChange, within the debounce: the server must analyse the new
//     version before answering, so this is hover's worst case while typing.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { countWords, cpuTimeOf, fmtInt, fmtMiB, fmtMs, loadSyriaCorpus, log, makeTempDir, markdownTable, removeTempDir, summarize } from './common.mjs';
import { BenchLspClient, positionAt } from './lspClient.mjs';

const TARGET_WORDS = 5000;

/** Headline of the first article, then whole bodies as paragraphs until the text reaches ~5,000 words. */
export function buildLongArticle(articles, targetWords = TARGET_WORDS) {
  const parts = [];
  let words = 0;
  let headline = null;
  for (const { text } of articles) {
    const newline = text.indexOf('\n');
    const head = newline === -1 ? text : text.slice(0, newline);
    const body = newline === -1 ? '' : text.slice(newline + 1).trim();
    // Only articles with figures: the benchmark edits figures, and an article is about casualties.
    if (!/\b\d+\b/.test(body)) continue;
    headline ??= head;
    parts.push(body);
    words += countWords(body);
    if (words >= targetWords) break;
  }
  const text = `${headline}\n\n${parts.join('\n\n')}\n`;
  return { text, words: countWords(text) };
}

/** Offsets of figures worth editing: 2-4 digit numbers that are not years. */
function figures(text) {
  const out = [];
  for (const m of text.matchAll(/\b\d{2,4}\b/g)) {
    const n = Number(m[0]);
    if (n >= 1900 && n <= 2100) continue;
    out.push({ start: m.index, end: m.index + m[0].length, value: n });
  }
  return out;
}

const ACTOR = /\b(?:Damascus|Aleppo|Homs|Idlib|Douma|Raqqa|Assad|Russia|Turkey|Observatory)\b/g;

function actorOffsets(text) {
  return [...text.matchAll(ACTOR)].map((m) => m.index + 1);
}

export async function runLspBench({ quick = false } = {}) {
  const { articles, reason } = loadSyriaCorpus();
  if (!articles) return { skipped: `the Syria corpus is absent (${reason})` };
  const measured = quick ? 20 : 60;
  const warmup = 5;
  const debounced = quick ? 5 : 10;
  const hoverAfterEdit = quick ? 5 : 10;

  const root = makeTempDir('lsp');
  const article = buildLongArticle(articles);
  fs.writeFileSync(path.join(root, 'article.txt'), article.text);
  fs.mkdirSync(path.join(root, 'archive'));
  for (const a of articles) fs.writeFileSync(path.join(root, 'archive', a.name), a.text);
  const uri = pathToFileURL(path.join(root, 'article.txt')).href;

  const client = BenchLspClient.start({ folders: [root], settings: { analysis: { debounceMs: 0 } } });
  const result = { words: article.words, archive: articles.length, measured, warmup };
  try {
    await client.initialize();
    log(`lsp: server up; indexing the ${articles.length}-article workspace`);
    const ready = await client.waitReady({ timeoutMs: 10 * 60_000 });
    result.workspaceReadyMs = ready.at - client.spawnedAt;

    let since = client.mark();
    const openedAt = performance.now();
    await client.open(uri, article.text);
    const firstDiagnostics = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 1, { since });
    result.openToDiagnosticsMs = firstDiagnostics.at - openedAt;
    result.diagnosticsOnOpen = firstDiagnostics.params.diagnostics.length;

    const change = [];
    const hoverFigure = [];
    const hoverActor = [];
    const lens = [];
    let hoverHits = 0;
    let lensCount = 0;
    const doc = () => client.docs.get(uri);
    // Each edit changes one figure ("killed 45" -> "killed 47"), spread over the whole article.
    const editFigure = async (i) => {
      const figs = figures(doc().text);
      const f = figs[(i * 7919) % figs.length];
      const replacement = String(f.value + 1 + (i % 7));
      const t0 = performance.now();
      since = client.mark();
      const version = await client.edit(uri, f.start, f.end, replacement);
      return { t0, version, at: f.start + 1 };
    };
    const waitDiagnostics = (version) =>
      client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, { since, timeoutMs: 60_000 });

    log(`lsp: ${warmup} warm-up + ${measured} measured edits (debounce 0)`);
    let serverCpuFrom = NaN;
    for (let i = 0; i < warmup + measured; i++) {
      // The server's own CPU time: on a loaded machine, latency also counts waiting for a core.
      if (i === warmup) serverCpuFrom = cpuTimeOf(client.pid);
      const { t0, version, at } = await editFigure(i);
      const published = await waitDiagnostics(version);
      const h1 = await client.timed('textDocument/hover', { textDocument: { uri }, position: positionAt(doc().text, at) });
      const actors = actorOffsets(doc().text);
      const h2 = actors.length
        ? await client.timed('textDocument/hover', { textDocument: { uri }, position: positionAt(doc().text, actors[(i * 31) % actors.length]) })
        : null;
      const cl = await client.timed('textDocument/codeLens', { textDocument: { uri } });
      if (i < warmup) continue;
      change.push(published.at - t0);
      hoverFigure.push(h1.ms);
      if (h2) hoverActor.push(h2.ms);
      lens.push(cl.ms);
      if (h1.result) hoverHits++;
      lensCount = cl.result?.length ?? 0;
    }
    result.serverCpuPerEditMs = (cpuTimeOf(client.pid) - serverCpuFrom) / measured;
    result.change = summarize(change);
    result.hoverFigure = summarize(hoverFigure);
    result.hoverActor = summarize(hoverActor);
    result.codeLens = summarize(lens);
    result.hoverHits = hoverHits;
    result.lensCount = lensCount;

    log(`lsp: ${debounced} edits with the default debounce`);
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { newslens: {} } });
    await new Promise((r) => setTimeout(r, 500));
    const withDebounce = [];
    for (let i = 0; i < debounced; i++) {
      const { t0, version } = await editFigure(1000 + i);
      const published = await waitDiagnostics(version);
      withDebounce.push(published.at - t0);
    }
    result.changeDebounced = summarize(withDebounce);

    log(`lsp: ${hoverAfterEdit} hovers sent straight after an edit`);
    const hoverPending = [];
    for (let i = 0; i < hoverAfterEdit; i++) {
      const { version, at } = await editFigure(2000 + i);
      const h = await client.timed('textDocument/hover', { textDocument: { uri }, position: positionAt(doc().text, at) });
      hoverPending.push(h.ms);
      await waitDiagnostics(version); // let the burst settle so edits do not pile up
    }
    result.hoverAfterEdit = summarize(hoverPending);
    result.serverPeakRss = client.peakRss();
    result.loadavg = os.loadavg();
  } catch (error) {
    result.error = `${error.message}${client.stderr ? `; server stderr: ${client.stderr.slice(-1000)}` : ''}`;
    log(`lsp: failed: ${result.error}`);
  } finally {
    await client.stop();
    removeTempDir(root);
  }
  return result;
}

export function lspReport(r) {
  if (r.skipped) return `LSP latency: skipped, ${r.skipped}.`;
  const lines = [
    `One article of ${fmtInt(r.words)} words (Syria corpus bodies joined at run time) open in a workspace of ` +
      `${r.archive} more articles; ${r.measured} measured edits after ${r.warmup} warm-up ones, each changing one figure.`,
  ];
  if (r.error) lines.push('', `**Could not complete:** ${r.error}`);
  const row = (label, s, target = '') => [label, s ? s.n : 0, s ? fmtMs(s.p50) : 'n/a', s ? fmtMs(s.p95) : 'n/a', s ? fmtMs(s.max) : 'n/a', target];
  const rows = [];
  if (r.change) {
    rows.push(row('didChange -> publishDiagnostics (debounce 0: server work)', r.change, 'p95 < 50 ms'));
    rows.push(row('hover on the edited figure', r.hoverFigure, 'p95 < 10 ms'));
    rows.push(row('hover on a place or actor', r.hoverActor, 'p95 < 10 ms'));
    rows.push(row('codeLens', r.codeLens));
  }
  if (r.changeDebounced) rows.push(row('didChange -> publishDiagnostics (default 300 ms debounce)', r.changeDebounced));
  if (r.hoverAfterEdit) rows.push(row('hover sent right after didChange (forces re-analysis)', r.hoverAfterEdit));
  if (rows.length) lines.push('', markdownTable(['measure', 'n', 'p50', 'p95', 'max', 'target'], rows));
  const facts = [];
  if (Number.isFinite(r.workspaceReadyMs)) facts.push(`workspace of ${r.archive} articles indexed ${fmtMs(r.workspaceReadyMs)} after spawn`);
  if (Number.isFinite(r.openToDiagnosticsMs)) facts.push(`didOpen of the article to its first diagnostics ${fmtMs(r.openToDiagnosticsMs)} (${r.diagnosticsOnOpen} diagnostics)`);
  if (Number.isFinite(r.serverCpuPerEditMs)) {
    facts.push(`server CPU time per measured edit (its analysis and publication, two hovers, one code lens request): ${fmtMs(r.serverCpuPerEditMs)} on average (/proc/<pid>/stat, 10 ms ticks)`);
  }
  if (r.lensCount) facts.push(`${r.lensCount} code lenses per request`);
  if (Number.isFinite(r.serverPeakRss)) facts.push(`server peak RSS ${fmtMiB(r.serverPeakRss)}`);
  if (r.loadavg) facts.push(`load average ${r.loadavg.map((l) => l.toFixed(1)).join(' / ')}`);
  if (facts.length) lines.push('', `- ${facts.join('\n- ')}`);
  return lines.join('\n');
}

export function lspTargets(r) {
  if (r.skipped) return [{ target: 'LSP latency', measured: `skipped: ${r.skipped}`, met: null }];
  if (!r.change) return [{ target: 'LSP latency', measured: `could not run: ${r.error}`, met: null }];
  const hoverP95 = Math.max(r.hoverFigure.p95, r.hoverActor.p95);
  return [
    { target: 'didChange -> diagnostics p95 < 50 ms (5,000 words)', measured: `${fmtMs(r.change.p95)} (debounce 0); ${r.changeDebounced ? fmtMs(r.changeDebounced.p95) : 'n/a'} with the default 300 ms debounce`, met: r.change.p95 < 50 },
    { target: 'hover p95 < 10 ms', measured: `${fmtMs(hoverP95)} (analysed); ${r.hoverAfterEdit ? fmtMs(r.hoverAfterEdit.p95) : 'n/a'} right after an edit`, met: hoverP95 < 10 },
  ];
}
