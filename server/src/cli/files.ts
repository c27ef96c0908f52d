// Reading the CLI's inputs: files and folders, recursively, with binary and non-UTF-8 files skipped.
import * as fs from 'fs';
import * as path from 'path';

export const ARTICLE_EXTENSIONS = new Set(['.txt', '.md', '.news']);
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

export class InputError extends Error {}

/** Every article file named by the arguments, in a stable order. Throws InputError for a missing path. */
export function collectArticleFiles(args: string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      throw new InputError(`${arg}: no such file or folder`);
    }
    if (stat.isDirectory()) walk(arg, out);
    else out.push(arg);
  }
  return out;
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    throw new InputError(`${dir}: cannot read folder (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(e.name)) walk(full, out);
    } else if (e.isFile() && ARTICLE_EXTENSIONS.has(path.extname(e.name).toLowerCase())) {
      out.push(full);
    }
  }
}

export type ReadResult = { ok: true; text: string } | { ok: false; reason: string };

/** Reads a file as UTF-8 text with a BOM removed; binary or non-UTF-8 content is refused, not mangled. */
export function readArticle(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new InputError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeArticle(bytes);
}

export function decodeArticle(bytes: Uint8Array): ReadResult {
  if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: 'not valid UTF-8' };
  }
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}
