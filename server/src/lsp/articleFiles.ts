// Which documents are articles, and reading articles from disk.
//
// Every check that can make the server skip a text lives here, so the rules are the same for a file
// found while indexing and for a document the editor opens: too large for `newslens.files.maxSizeKB`,
// binary, or (on disk) not valid UTF-8. Reading never writes and never throws: a file that cannot be
// read is reported as skipped with a reason that goes to the log.

import { promises as fs } from 'fs';
import * as path from 'path';
import { ALWAYS_SKIPPED_FOLDERS, GlobSet } from './globs';
import { ARTICLE_LANGUAGE_ID, SkipCodes } from './protocol';
import { isPathInside, uriToPath } from './uris';

export interface SkipReason {
  code: (typeof SkipCodes)[keyof typeof SkipCodes] | 'not-utf8' | 'unreadable';
  /** Why, as a clause that follows "NewsLens did not analyse this file: " or a path in the log. */
  message: string;
}

export type ReadResult = { text: string } | { skipped: SkipReason };

/** The workspace folders and the settings that decide which files are articles. */
export class ArticleScope {
  readonly globs: GlobSet;

  constructor(
    /** Workspace folders as file-system paths. */
    readonly folders: readonly string[],
    include: readonly string[],
    readonly maxSizeKB: number,
  ) {
    this.globs = new GlobSet(include);
  }

  get maxBytes(): number {
    return this.maxSizeKB * 1024;
  }

  /** Whether a file on disk is an article: it matches an include glob, relative to its workspace folder. */
  includesPath(fsPath: string): boolean {
    const folder = this.folders.find((f) => isPathInside(fsPath, f));
    // A file opened from outside every folder is matched by its whole path, so `**/*.txt` still applies.
    const relative = folder === undefined ? fsPath : path.relative(folder, fsPath);
    return this.globs.matches(relative);
  }

  /**
   * Whether an open document is analysed: any document in the article language, and files whose path
   * matches the include globs (plain text and Markdown are only analysed where the globs say so).
   */
  includesDocument(uri: string, languageId: string): boolean {
    if (languageId === ARTICLE_LANGUAGE_ID) return true;
    const fsPath = uriToPath(uri);
    return fsPath !== null && this.includesPath(fsPath);
  }

  /** Whether a workspace file lies in one of the folders (files outside them are never indexed from disk). */
  inFolders(fsPath: string): boolean {
    return this.folders.some((f) => isPathInside(fsPath, f));
  }
}

function kilobytes(bytes: number): string {
  return `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
}

function tooLarge(bytes: number, maxSizeKB: number): SkipReason {
  return {
    code: SkipCodes.tooLarge,
    message: `it is ${kilobytes(bytes)}, above the newslens.files.maxSizeKB limit of ${maxSizeKB.toLocaleString('en-US')} KB`,
  };
}

const BINARY_MESSAGE = 'it looks binary, not like article text';

/** How much of a text the binary check looks at: enough to tell, cheap for a 10 MB document. */
const SNIFF_LENGTH = 8192;

/**
 * A text is binary-looking when it holds a NUL, or when more than a tenth of its start is control
 * characters or U+FFFD (what an editor shows for bytes that are not text).
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > SNIFF_LENGTH ? text.slice(0, SNIFF_LENGTH) : text;
  if (sample.length === 0) return false;
  if (text.indexOf('\u0000') !== -1) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd / sample.length > 0.1;
}

/** Why the text of an open document is not analysed, or null when it is analysed. */
export function skipReasonForText(text: string, maxSizeKB: number): SkipReason | null {
  // Cheap upper bound first: a UTF-16 code unit is at most 3 UTF-8 bytes.
  if (text.length * 3 > maxSizeKB * 1024) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxSizeKB * 1024) return tooLarge(bytes, maxSizeKB);
  }
  if (looksBinary(text)) return { code: SkipCodes.binary, message: BINARY_MESSAGE };
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads an article from disk as the editor would show it: UTF-8, without a byte-order mark. */
export async function readArticleFile(fsPath: string, maxSizeKB: number): Promise<ReadResult> {
  try {
    const stat = await fs.stat(fsPath);
    if (!stat.isFile()) return { skipped: { code: 'unreadable', message: 'it is not a regular file' } };
    if (stat.size > maxSizeKB * 1024) return { skipped: tooLarge(stat.size, maxSizeKB) };
    const bytes = await fs.readFile(fsPath);
    if (bytes.subarray(0, SNIFF_LENGTH).includes(0)) {
      return { skipped: { code: SkipCodes.binary, message: BINARY_MESSAGE } };
    }
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return { skipped: { code: 'not-utf8', message: 'it is not valid UTF-8' } };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const reason = skipReasonForText(text, maxSizeKB);
    return reason ? { skipped: reason } : { text };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { skipped: { code: 'unreadable', message: `it could not be read (${code})` } };
  }
}

/**
 * Every article file below a folder, in a stable order. Symbolic links are not followed (a link back
 * up the tree would never end), and node_modules and .git are never entered.
 */
export async function listArticleFiles(folder: string, scope: ArticleScope, cancelled: () => boolean): Promise<string[]> {
  const found: string[] = [];
  const pending = [folder];
  while (pending.length > 0 && !cancelled()) {
    const dir = pending.pop() as string;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      continue; // a folder that vanished or cannot be read holds no articles we can analyse
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ALWAYS_SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && scope.includesPath(full)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}
