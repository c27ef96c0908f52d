// Glob patterns of the `newslens.files.include` setting, matched against forward-slash paths relative
// to a workspace folder. The syntax is the subset VS Code documents for file globs: `*` (within one path
// segment), `**` (any number of segments), `?`, `{a,b}` and `[...]`. Written here rather than taken from
// a dependency because the server bundle should not rely on a package it does not declare.

/** Folders that never hold articles and are never walked or analysed. */
export const ALWAYS_SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

function escapeRegExp(ch: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(ch) ? `\\${ch}` : ch;
}

/** Translates one glob into an anchored regular expression. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let braceDepth = 0;
  const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      if (pattern[i + 1] === '*') {
        // `**/` matches zero or more whole segments; a trailing `**` matches everything below.
        const atSegmentStart = i === 0 || pattern[i - 1] === '/';
        if (atSegmentStart && pattern[i + 2] === '/') {
          source += '(?:[^/]*/)*';
          i += 2;
        } else if (atSegmentStart && i + 2 === pattern.length) {
          source += '.*';
          i += 1;
        } else {
          source += '[^/]*';
          i += 1;
        }
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '{') {
      braceDepth++;
      source += '(?:';
    } else if (ch === '}' && braceDepth > 0) {
      braceDepth--;
      source += ')';
    } else if (ch === ',' && braceDepth > 0) {
      source += '|';
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) {
        source += '\\[';
      } else {
        let body = pattern.slice(i + 1, close);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else {
      source += escapeRegExp(ch);
    }
  }
  while (braceDepth-- > 0) source += ')';
  return new RegExp(`^${source}$`, process.platform === 'win32' || process.platform === 'darwin' ? 'i' : '');
}

/** A compiled list of include globs. */
export class GlobSet {
  private readonly patterns: RegExp[];

  constructor(readonly globs: readonly string[]) {
    this.patterns = globs.map(globToRegExp);
  }

  /** Whether a folder-relative path (either separator) matches any glob and lies outside skipped folders. */
  matches(relativePath: string): boolean {
    const normalized = relativePath.replace(/\\/g, '/').replace(/^\/+/, '');
    if (normalized.split('/').some((segment) => ALWAYS_SKIPPED_FOLDERS.has(segment))) return false;
    return this.patterns.some((p) => p.test(normalized));
  }
}
