// Shared helpers for the end-to-end harness (prepare.mjs, run.mjs).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** code-server 4.100.3 is the newest release whose engines.node is 20 (4.101+ wants Node 22). */
export const CODE_SERVER_VERSION = process.env.NEWSLENS_E2E_CODE_SERVER_VERSION || '4.100.3';

export const CACHE_DIR = path.resolve(
  process.env.NEWSLENS_E2E_CACHE || path.join(os.homedir(), '.cache', 'newslens-e2e'),
);
export const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const MARKER = path.join(CODE_SERVER_DIR, '.newslens-e2e-complete');
/** Bump when the prepare recipe changes, so old caches are rebuilt. */
export const RECIPE_VERSION = 1;

export const CHROMIUM = process.env.NEWSLENS_E2E_CHROMIUM || '/usr/bin/chromium';

export const APT_PACKAGES = [
  'libkrb5-dev',
  'libx11-dev',
  'libxkbfile-dev',
  'libsecret-1-dev',
  'pkg-config',
  'ripgrep',
  'chromium',
  'build-essential',
  'python3',
];


/** Print a one-line failure and exit non-zero. */
export function die(msg, code = 2) {
  process.stderr.write(`e2e: FAILED: ${msg}\n`);
  process.exit(code);
}

export function log(msg) {
  process.stdout.write(`e2e: ${msg}\n`);
}

/** Run a command synchronously; throws with the tail of its output if it fails. */
export function run(cmd, args, opts = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: opts.timeoutMs ?? 15 * 60 * 1000,
    ...opts,
    env: { ...process.env, npm_config_update_notifier: 'false', ...(opts.env || {}) },
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (res.error || res.status !== 0) {
    const out = `${res.stdout || ''}\n${res.stderr || ''}`.trim().split('\n').slice(-25).join('\n');
    const why = res.error ? res.error.message : `exit ${res.status}${res.signal ? ` (${res.signal})` : ''}`;
    throw new Error(`\`${cmd} ${args.join(' ')}\` in ${opts.cwd || process.cwd()} failed (${why}, ${secs}s):\n${out}`);
  }
  if (opts.verbose) log(`  ${cmd} ${args.join(' ')} (${secs}s)`);
  return res.stdout;
}

export function isCacheComplete() {
  try {
    const m = JSON.parse(fs.readFileSync(MARKER, 'utf8'));
    return m.version === CODE_SERVER_VERSION && m.recipe === RECIPE_VERSION &&
      fs.existsSync(path.join(CODE_SERVER_DIR, 'out', 'node', 'entry.js'));
  } catch {
    return false;
  }
}

export function missingAptPackages() {
  const missing = [];
  for (const p of APT_PACKAGES) {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    if (r.status !== 0 || !/install ok installed/.test(r.stdout)) missing.push(p);
  }
  return missing;
}
