// Running `newslens analyze --format json` and reading what it prints, plus the temp folders and
// file reading every data set needs.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = path.resolve(REPO_ROOT, '..', 'shared');
// NEWSLENS_BIN points the harness at another build of the CLI (an older checkout, a stub).
const BIN = process.env.NEWSLENS_BIN ? path.resolve(process.env.NEWSLENS_BIN) : path.join(REPO_ROOT, 'bin', 'newslens.js');

/** Article text as the tool sees it: UTF-8 with a leading BOM removed. */
export function readText(file) {
  const text = fs.readFileSync(file, 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// Folders still in use, so that an interrupted run (Ctrl-C) leaves no copies of articles behind.
const liveTempDirs = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    for (const dir of liveTempDirs) fs.rmSync(dir, { recursive: true, force: true });
    process.exit(130);
  });
}

/** A fresh folder under os.tmpdir(); the caller removes it with removeTempDir. */
export function makeTempDir(label) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `newslens-eval-${label}-`));
  liveTempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir) {
  if (dir && dir.startsWith(os.tmpdir())) fs.rmSync(dir, { recursive: true, force: true });
  liveTempDirs.delete(dir);
}

/**
 * Runs the CLI once over a folder and returns the parsed JSON. A non-zero exit is not fatal when
 * the JSON is there: the exit code may only say that diagnostics were found.
 */
export function runCli(folder) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [BIN, 'analyze', '--format', 'json', folder],
      // The timeout only guards against a hung run; a whole data set takes seconds.
      { cwd: REPO_ROOT, maxBuffer: 1024 * 1024 * 1024, encoding: 'utf8', timeout: 30 * 60 * 1000 },
      (err, stdout, stderr) => {
        let parsed = null;
        try {
          parsed = JSON.parse(stdout);
        } catch {
          /* reported below */
        }
        if (parsed && Array.isArray(parsed.documents)) return resolve(parsed);
        const why = err ? `exit ${err.code ?? err.signal}` : 'output is not the expected JSON';
        const detail = (stderr || stdout || '').trim().split('\n').slice(0, 5).join(' | ');
        reject(new Error(`newslens analyze ${folder}: ${why}${detail ? `: ${detail}` : ''}`));
      },
    );
  });
}

/**
 * Document paths may be printed relative to the cwd, absolute, or as file: URIs; every folder
 * the harness analyses has distinct file names, so the base name identifies a document.
 */
export function fileKey(p) {
  if (typeof p !== 'string') return '';
  const plain = p.startsWith('file:') ? fileURLToPath(p) : p;
  return path.basename(plain.replace(/\\/g, '/'));
}

/** Map from file name to the CLI's document object. */
export function documentsByFile(result) {
  const map = new Map();
  for (const doc of result.documents) map.set(fileKey(doc.path), doc);
  return map;
}

/** Runs tasks with at most `limit` in flight; results keep the order of the inputs. */
export async function mapLimit(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A short excerpt of the text around a range, one line, for --verbose listings. */
export function excerpt(text, start, end, context = 30) {
  const flat = (s) => s.replace(/\s+/g, ' ');
  const before = flat(text.slice(Math.max(0, start - context), start));
  const after = flat(text.slice(end, end + context));
  return `…${before}[${flat(text.slice(start, end))}]${after}…`;
}

export function fmtInterval(min, max) {
  return `${min}..${max === null || max === undefined ? '∞' : max}`;
}
