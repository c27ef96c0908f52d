#!/usr/bin/env node
// Prepares (once, cached outside the repo) a runnable code-server — a real VS Code build — for the e2e test.
//
// code-server's own postinstall fails offline (@vscode/ripgrep downloads a binary), so this follows the offline
// recipe of issue 5: apt prerequisites; `npm pack` + unpack; `npm install --omit=dev --ignore-scripts` in the
// root, lib/vscode and lib/vscode/extensions; rebuild the native modules against the local Node headers; point
// @vscode/ripgrep at Debian's /usr/bin/rg; link node_modules.asar. The result lives in
// $NEWSLENS_E2E_CACHE/code-server-VERSION (default ~/.cache/newslens-e2e) with a marker file, and the whole
// step is skipped when that marker says the cache is complete. `--force` rebuilds it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import {
  APT_PACKAGES, CACHE_DIR, CODE_SERVER_DIR, CODE_SERVER_VERSION, MARKER, RECIPE_VERSION,
  die, isCacheComplete, log, missingAptPackages, run,
} from './common.mjs';

export async function prepare({ force = false } = {}) {
  const t0 = Date.now();
  ensureAptPackages();
  if (!force && isCacheComplete()) {
    log(`code-server ${CODE_SERVER_VERSION} cache is complete at ${CODE_SERVER_DIR} (skipping prepare)`);
    return CODE_SERVER_DIR;
  }
  log(`preparing code-server ${CODE_SERVER_VERSION} in ${CODE_SERVER_DIR} (one time; a few minutes)`);
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // staging dirs left by an interrupted prepare (an hour old: not one running now)
  for (const d of fs.readdirSync(CACHE_DIR)) {
    const p = path.join(CACHE_DIR, d);
    if (d.startsWith('.staging-') && Date.now() - fs.statSync(p).mtimeMs > 3600_000) fs.rmSync(p, { recursive: true, force: true });
  }
  const staging = fs.mkdtempSync(path.join(CACHE_DIR, `.staging-${CODE_SERVER_VERSION}-`));
  try {
    const step = (name, fn) => {
      const s = Date.now();
      fn();
      log(`  ${name} (${((Date.now() - s) / 1000).toFixed(1)}s)`);
    };
    const pkgDir = path.join(staging, 'package');
    step(`npm pack code-server@${CODE_SERVER_VERSION} + unpack`, () => {
      run('npm', ['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', staging, '--silent'], { cwd: staging });
      const tgz = fs.readdirSync(staging).find((f) => f.endsWith('.tgz'));
      if (!tgz) throw new Error('npm pack produced no tarball');
      run('tar', ['-xzf', tgz], { cwd: staging });
      fs.rmSync(path.join(staging, tgz));
    });
    const vscodeDir = path.join(pkgDir, 'lib', 'vscode');
    const npmInstall = ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
    step('npm install (root)', () => run('npm', npmInstall, { cwd: pkgDir }));
    step('npm install (lib/vscode)', () => run('npm', npmInstall, { cwd: vscodeDir }));
    step('npm install (lib/vscode/extensions)', () => run('npm', npmInstall, { cwd: path.join(vscodeDir, 'extensions') }));
    step('npm rebuild argon2 (root)', () => run('npm', ['rebuild', 'argon2'], { cwd: pkgDir }));
    step('npm rebuild @vscode/spdlog kerberos native-watchdog (lib/vscode)', () =>
      run('npm', ['rebuild', '@vscode/spdlog', 'kerberos', 'native-watchdog'], { cwd: vscodeDir }));
    step('node-gyp rebuild (lib/vscode/node_modules/node-pty)', () => {
      const [cmd, args] = nodeGyp();
      const nodedir = localNodeDir();
      run(cmd, [...args, 'rebuild', ...(nodedir ? [`--nodedir=${nodedir}`] : [])],
        { cwd: path.join(vscodeDir, 'node_modules', 'node-pty') });
    });
    step('link @vscode/ripgrep/bin/rg -> /usr/bin/rg, node_modules.asar -> node_modules', () => {
      const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
      fs.mkdirSync(rgBin, { recursive: true });
      fs.rmSync(path.join(rgBin, 'rg'), { force: true });
      fs.symlinkSync('/usr/bin/rg', path.join(rgBin, 'rg'));
      fs.rmSync(path.join(vscodeDir, 'node_modules.asar'), { force: true });
      fs.symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));
    });
    step('smoke check (entry.js --version)', () => {
      const out = run(process.execPath, ['out/node/entry.js', '--version'], { cwd: pkgDir, timeoutMs: 60_000 });
      if (!out.includes(CODE_SERVER_VERSION)) throw new Error(`unexpected --version output: ${out.trim()}`);
    });
    fs.writeFileSync(path.join(pkgDir, path.basename(MARKER)), JSON.stringify({
      version: CODE_SERVER_VERSION, recipe: RECIPE_VERSION, node: process.version, preparedAt: new Date().toISOString(),
    }, null, 2) + '\n');
    fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    fs.renameSync(pkgDir, CODE_SERVER_DIR);
  } catch (e) {
    fs.rmSync(staging, { recursive: true, force: true });
    die(`preparing code-server ${CODE_SERVER_VERSION} failed: ${e.message}`);
  }
  fs.rmSync(staging, { recursive: true, force: true });
  log(`code-server ${CODE_SERVER_VERSION} prepared in ${((Date.now() - t0) / 1000).toFixed(0)}s at ${CODE_SERVER_DIR}`);
  return CODE_SERVER_DIR;
}

/** npm's bundled node-gyp (works offline with nodedir / local headers); npx as a fallback. */
function nodeGyp() {
  const candidates = [
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
    '/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  ];
  for (const c of candidates) if (fs.existsSync(c)) return [process.execPath, [c]];
  return ['npx', ['--yes', 'node-gyp']];
}

/** Node's headers on this machine (npm's `nodedir` setting, or the prefix of the running node), so node-gyp
 *  does not try to download them. */
function localNodeDir() {
  const r = spawnSync('npm', ['config', 'get', 'nodedir'], { encoding: 'utf8' });
  const fromNpm = (r.stdout || '').trim();
  for (const d of [fromNpm, path.resolve(path.dirname(process.execPath), '..')]) {
    if (d && d !== 'undefined' && d !== 'null' && fs.existsSync(path.join(d, 'include', 'node', 'node_version.h'))) return d;
  }
  return undefined;
}

function ensureAptPackages() {
  let missing = missingAptPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    die(`missing Debian packages: ${missing.join(' ')} — run: sudo apt-get install -y ${APT_PACKAGES.join(' ')}`);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  if (r.status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    r = spawnSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
  }
  missing = missingAptPackages();
  if (r.status !== 0 || missing.length) die(`could not install Debian packages: ${missing.join(' ')} (apt-get install ${APT_PACKAGES.join(' ')})`);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('prepare.mjs')) {
  if (os.platform() !== 'linux') die('the e2e harness runs on Linux (Debian) only');
  await prepare({ force: process.argv.includes('--force') });
}
