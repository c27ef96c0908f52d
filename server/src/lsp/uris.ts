// File paths and document URIs.
//
// The same file reaches the server under two spellings: the URI the client sends for an open document,
// and the URI the server builds for a file it found on disk. Clients percent-encode differently (VS Code
// writes `c%3A` for a drive letter; Node's pathToFileURL keeps `C:` and leaves `,` or `@` alone), and a
// file indexed under both spellings would conflict with itself. So the index is keyed by `documentKey`,
// one canonical spelling, and keeps the client's own URI only for answering that client.

import * as path from 'path';

/** Percent-encodes a path the way VS Code's URI class does (per segment, `/` kept). */
export function pathToUri(fsPath: string): string {
  let p = process.platform === 'win32' ? fsPath.replace(/\\/g, '/') : fsPath;
  if (/^[a-zA-Z]:/.test(p)) p = `/${p[0].toLowerCase()}${p.slice(1)}`;
  if (!p.startsWith('/')) p = `/${p}`;
  return `file://${p.split('/').map(encodeURIComponent).join('/')}`;
}

/** The file-system path of a `file:` URI, or null for other schemes and unparsable URIs. */
export function uriToPath(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'file:') return null;
  let p: string;
  try {
    p = decodeURIComponent(url.pathname);
  } catch {
    p = url.pathname;
  }
  if (process.platform === 'win32') {
    if (/^\/[a-zA-Z]:/.test(p)) p = p.slice(1);
    p = p.replace(/\//g, '\\');
    if (url.host) p = `\\\\${url.host}${p}`;
  }
  return p;
}

/** The canonical key of a document: file URIs re-encoded from their path, other URIs as they are. */
export function documentKey(uri: string): string {
  const fsPath = uriToPath(uri);
  return fsPath === null ? uri : pathToUri(fsPath);
}

/** The last path segment of a URI, decoded, for messages ("in other-article.txt"). */
export function displayName(uri: string): string {
  const fsPath = uriToPath(uri);
  if (fsPath !== null) return path.basename(fsPath);
  const cut = uri.lastIndexOf('/');
  const name = uri.slice(cut + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Whether `child` is `parent` or lies below it (both file-system paths). */
export function isPathInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}
