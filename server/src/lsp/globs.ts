// Glob patterns of the `newslens.files.include` setting, matched against forward-slash paths relative
// to a workspace folder, with picomatch (bundled into the server by esbuild). The syntax is what VS Code
// documents for file globs: `*` (within one path segment), `**` (any number of segments), `?`, `{a,b}`
// and `[...]` (`[!...]` negated).
//
// Options chosen to match how VS Code reads the same globs: `dot`, because `**/*.txt` covers
// `.drafts/a.txt` in a VS Code search too; case-insensitive where the file system usually is.

import picomatch from 'picomatch';

/** Folders that never hold articles and are never walked or analysed. */
export const ALWAYS_SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

const CASE_INSENSITIVE = process.platform === 'win32' || process.platform === 'darwin';

/** Compiles one glob; a backslash in a glob typed on Windows is read as a separator, like VS Code does. */
export function compileGlob(glob: string): (relativePath: string) => boolean {
  const pattern = glob
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    // VS Code negates a bracket with `!` ([!0-9]); picomatch reads that `!` as one more character to
    // match, and negates with `^`.
    .replace(/\[!/g, '[^');
  return picomatch(pattern, { dot: true, nocase: CASE_INSENSITIVE });
}

/** A compiled list of include globs. */
export class GlobSet {
  private readonly matchers: Array<(path: string) => boolean>;

  constructor(readonly globs: readonly string[]) {
    this.matchers = globs.map(compileGlob);
  }

  /** Whether a folder-relative path (either separator) matches any glob and lies outside skipped folders. */
  matches(relativePath: string): boolean {
    const normalized = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
    if (normalized.split('/').some((segment) => ALWAYS_SKIPPED_FOLDERS.has(segment))) return false;
    return this.matchers.some((match) => match(normalized));
  }
}
