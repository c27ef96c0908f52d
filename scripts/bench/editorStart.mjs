// Cold start in a real VS Code: NewsLens packaged as a .vsix, installed into the VS Code build of the
// code-server npm package (prepared by the e2e harness, scripts/e2e/prepare.mjs), and a window opened on
// a workspace in headless chromium. The extension writes its own start-up times to its output (see
// client/src/startupTimes.ts): its code loading, activation to the language server's initialize answer,
// and activation to the first diagnostics of an article; those lines are read back from the output log
// code-server saves. Next to them: the window's own load, navigation to the workbench showing the folder.
//
// Every start has fresh user data and a fresh browser profile (the extension stays installed, as it is
// for a user who opens VS Code again). Measured on the example articles, and on the Syria corpus when it
// is beside the repository, so that the opened article's diagnostics race the indexing of 542 others.

import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ARTICLE_PATTERN, NOT_ARTICLES } from '../e2e/scenario.mjs';
import { REPO_ROOT, SYRIA_DIR, log, makeTempDir, median, removeTempDir, requireFromRepo } from './common.mjs';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** Runs the starts; returns { starts: [{ workspace, articles, ...times }], reps } or { error }. */
export async function measureEditorStart({ quick = false, reps = quick ? 1 : 3 } = {}) {
  let e2e;
  try {
    e2e = await loadHarness();
  } catch (error) {
    return { error: `the e2e harness could not be prepared: ${error.message.split('\n')[0]}` };
  }
  const { readStartupLines } = requireFromRepo(path.join(REPO_ROOT, 'out', 'client', 'src', 'startupTimes.js'));
  const vsix = path.join(REPO_ROOT, 'newslens.vsix');
  const packaged = spawnSync('npm', ['run', 'package'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 10 * 60_000 });
  if (packaged.status !== 0 || !fs.existsSync(vsix)) {
    const said = `${packaged.stderr ?? ''}`.trim().split('\n').pop();
    return { error: `npm run package failed: ${said || packaged.error?.message || `exit ${packaged.status}`}` };
  }
  const root = makeTempDir('editor-start');
  const extensions = path.join(root, 'extensions');

  const workspaces = [{ name: 'examples', dir: EXAMPLES }];
  if (!quick && fs.existsSync(SYRIA_DIR)) workspaces.push({ name: 'Syria corpus', dir: SYRIA_DIR });
  const starts = [];
  try {
    e2e.installExtension({ vsix, extensionsDir: extensions, userDataDir: path.join(root, 'install-user-data') });
    for (const workspace of workspaces) {
      for (let rep = 0; rep < reps; rep++) {
        log(`coldstart: VS Code (code-server) on ${workspace.name}, start ${rep + 1} of ${reps}`);
        starts.push({ workspace: workspace.name, ...(await oneStart(e2e, readStartupLines, root, extensions, workspace.dir, rep)) });
      }
    }
  } catch (error) {
    return { error: error.message.split('\n')[0], starts };
  } finally {
    for (const stop of [...e2e.running]) await stop();
    removeTempDir(root);
  }
  return { reps, starts, codeServer: e2e.CODE_SERVER_VERSION };
}

/** The e2e modules, with code-server prepared (a one-time build, cached outside the repository). */
async function loadHarness() {
  const common = await import('../e2e/common.mjs');
  // In a child: prepare ends its process on failure. It returns at once when the cache is complete.
  const prepared = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'e2e', 'prepare.mjs')], { encoding: 'utf8', timeout: 30 * 60_000 });
  if (prepared.status !== 0 || !common.isCacheComplete()) {
    const said = `${prepared.stderr ?? ''}\n${prepared.stdout ?? ''}`.trim().split('\n').filter(Boolean);
    throw new Error(said[0] ?? prepared.error?.message ?? `prepare.mjs exited with ${prepared.status}`);
  }
  if (!fs.existsSync(common.CHROMIUM)) throw new Error(`chromium not found at ${common.CHROMIUM}`);
  const { chromium } = await import('playwright-core');
  const codeServer = await import('../e2e/codeserver.mjs');
  const editor = await import('../e2e/editor.mjs');
  const { waitFor } = await import('../e2e/workbench.mjs');
  return { ...common, ...codeServer, ...editor, waitFor, chromium };
}

/** One window opened on a copy of `source`'s articles; the article opened is the first by name. */
async function oneStart(e2e, readStartupLines, root, extensions, source, rep) {
  const base = path.join(root, `start-${path.basename(source)}-${rep}`);
  const dirs = {
    workspace: path.join(base, 'workspace'),
    userData: path.join(base, 'user-data'),
    extensions,
    chromeProfile: path.join(base, 'chromium-profile'),
  };
  for (const d of [dirs.workspace, dirs.userData, dirs.chromeProfile]) fs.mkdirSync(d, { recursive: true });
  const articles = fs.readdirSync(source).filter((f) => ARTICLE_PATTERN.test(f) && !NOT_ARTICLES.has(f)).sort();
  for (const f of articles) fs.copyFileSync(path.join(source, f), path.join(dirs.workspace, f));
  e2e.writeUserSettings(dirs.userData);
  const opened = await e2e.openEditor(e2e.chromium, dirs, { codeServerLog: path.join(base, 'code-server.log') });
  try {
    await opened.wb.quickOpen(articles[0]);
    const reading = await e2e.waitFor(
      'the NewsLens output to log the first diagnostics of the opened article',
      async () => {
        const r = readStartupLines(e2e.newsLensOutputLog(dirs.userData));
        return r.firstDiagnosticsMs === undefined ? null : r;
      },
      { timeoutMs: 120_000, intervalMs: 100, last: () => e2e.newsLensOutputLog(dirs.userData).slice(-400) || '(no NewsLens output log yet)' },
    );
    return { articles: articles.length, windowMs: opened.readyAt - opened.navigatedAt, ...reading };
  } finally {
    await opened.context.close().catch(() => {});
    await opened.server.stop();
  }
}

/** Medians per workspace of the starts' times. */
export function editorStartSummary(result) {
  const byWorkspace = new Map();
  for (const s of result.starts ?? []) {
    if (!byWorkspace.has(s.workspace)) byWorkspace.set(s.workspace, []);
    byWorkspace.get(s.workspace).push(s);
  }
  return [...byWorkspace].map(([workspace, starts]) => {
    const med = (k) => median(starts.map((s) => s[k]).filter(Number.isFinite));
    return {
      workspace, articles: starts[0].articles, n: starts.length,
      windowMs: med('windowMs'), codeLoadedMs: med('codeLoadedMs'), serverReadyMs: med('serverReadyMs'),
      firstDiagnosticsMs: med('firstDiagnosticsMs'), firstDiagnosticsSinceOpenedMs: med('firstDiagnosticsSinceOpenedMs'),
      // A start whose activation came after the article was opened has no such time.
      sinceOpenedN: starts.filter((s) => Number.isFinite(s.firstDiagnosticsSinceOpenedMs)).length,
    };
  });
}
