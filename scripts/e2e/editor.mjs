// A real VS Code in a headless browser: code-server started on a free port with the given dirs, and
// Debian's chromium (through playwright-core) showing a workspace folder in it. Shared by the e2e test
// (run.mjs) and the editor cold-start benchmark (scripts/bench/editorStart.mjs).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CHROMIUM } from './common.mjs';
import { freePort, startCodeServer } from './codeserver.mjs';
import { Workbench } from './workbench.mjs';

/** VS Code user settings that keep tips, updates, telemetry and previews out of the way. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.editor.enablePreview': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'chat.commandCenter.enabled': false,
    'workbench.tree.enableStickyScroll': false,
    'problems.autoReveal': false,
    'editor.wordWrap': 'on',
    'editor.minimap.enabled': false,
    'editor.codeLens': true,
    'editor.hover.enabled': true,
    'editor.hover.delay': 300,
    'files.autoSave': 'off',
    'window.title': 'NewsLens e2e',
    ...extra,
  }, null, 2));
}

/**
 * Starts code-server, then chromium on it showing `dirs.workspace`, and waits until the workbench shows
 * the folder. `dirs` holds workspace, userData, extensions (the .vsix already installed there) and
 * chromeProfile. On failure, whatever was started is stopped before the error is thrown. Returns
 * { server, context, page, wb, navigatedAt, readyAt } (times from performance.now()).
 */
export async function openEditor(chromium, dirs, { codeServerLog, browserLog }) {
  const server = await startCodeServer({
    port: await freePort(), userDataDir: dirs.userData, extensionsDir: dirs.extensions, logFile: codeServerLog,
  });
  let context = null;
  try {
    context = await chromium.launchPersistentContext(dirs.chromeProfile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
        '--disable-dev-shm-usage'],
      viewport: { width: 1440, height: 900 },
      timeout: 60_000,
      handleSIGINT: false, // the caller's handlers close the browser and code-server, in order
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const page = context.pages()[0] || (await context.newPage());
    if (browserLog) {
      page.on('console', (m) => fs.appendFileSync(browserLog, `[${m.type()}] ${m.text()}\n`));
      page.on('pageerror', (e) => fs.appendFileSync(browserLog, `[pageerror] ${e.message}\n`));
    }
    const navigatedAt = performance.now();
    await page.goto(`${server.url}/?folder=${encodeURIComponent(dirs.workspace)}`, { timeout: 60_000 });
    const wb = new Workbench(page);
    await wb.waitReady(path.basename(dirs.workspace));
    return { server, context, page, wb, navigatedAt, readyAt: performance.now() };
  } catch (error) {
    if (context) await context.close().catch(() => {});
    await server.stop();
    throw error;
  }
}

/** The text of the NewsLens output channel's log in a code-server user data dir, or '' before it exists. */
export function newsLensOutputLog(userDataDir) {
  const found = [];
  const walk = (d) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^\d+-NewsLens\.log$/.test(e.name)) found.push(p);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return found.map((p) => fs.readFileSync(p, 'utf8')).join('\n');
}
