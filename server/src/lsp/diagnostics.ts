// Diagnostics: the engine's own (unattributed claims, malformed source tags) plus the casualty
// conflicts the workspace-wide ConflictIndex finds, filtered and graded by the settings, and published
// for open documents only.
//
// Why only open documents: the index holds every article of the workspace, and publishing for all of
// them would flood the Problems view with thousands of entries nobody asked for. A conflict with a
// closed file still shows, on the open side, with relatedInformation pointing into the closed file.

import { isDeepStrictEqual } from 'util';
import { Connection, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver';
import { EngineDiagnostic, Severity } from '../engine';
import { DIAGNOSTIC_SOURCE } from './protocol';
import { NewsLensSettings } from './settings';
import { displayName } from './uris';
import { IndexedDocument, WorkspaceIndex } from './workspaceIndex';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What code actions need to find the claim a diagnostic is about. */
export interface DiagnosticData {
  claimId?: string;
}

/** The diagnostics of one indexed document, as the settings ask for them. */
export function diagnosticsFor(document: IndexedDocument, index: WorkspaceIndex, settings: NewsLensSettings): Diagnostic[] {
  if (document.skipped) {
    return [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Information,
        code: document.skipped.code,
        source: DIAGNOSTIC_SOURCE,
        message: `NewsLens did not analyse this file: ${document.skipped.message}.`,
      },
    ];
  }
  const { conflicts, unattributed } = settings.diagnostics;
  const out: Diagnostic[] = [];
  for (const d of document.analysis.diagnostics) {
    if (d.code === 'casualty-conflict') continue; // conflicts come from the workspace index below
    if (d.code === 'unattributed-claim') {
      if (unattributed.enabled) out.push(toLsp(d, document, index, unattributed.severity));
    } else {
      out.push(toLsp(d, document, index, d.severity));
    }
  }
  if (conflicts.enabled) {
    for (const d of index.conflicts.diagnosticsFor(document.key)) out.push(toLsp(d, document, index, conflicts.severity));
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

function toLsp(d: EngineDiagnostic, document: IndexedDocument, index: WorkspaceIndex, severity: Severity): Diagnostic {
  const related: DiagnosticRelatedInformation[] = [];
  for (const r of d.related) {
    const other = index.get(r.documentId);
    if (!other) continue; // forgotten between the conflict check and now; nothing to point at
    const where = other.key === document.key ? 'in this article' : `in ${displayName(other.uri)}`;
    related.push({ location: { uri: other.uri, range: other.lines.rangeOf(r) }, message: `${r.message} ${where}` });
  }
  const diagnostic: Diagnostic = {
    range: document.lines.rangeOf(d),
    severity: SEVERITY[severity],
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
  if (related.length) diagnostic.relatedInformation = related;
  if (d.claimId) diagnostic.data = { claimId: d.claimId } satisfies DiagnosticData;
  return diagnostic;
}

/**
 * Publishes diagnostics for open documents, coalescing the many updates of one burst (an edit that
 * touches ten other documents, a chunk of the initial indexing) into one publication per document.
 * A result is published only if it was computed from the version the editor has now; otherwise a newer
 * analysis is on its way and will publish itself. Nor is it published again when the editor already has
 * it: an edit re-checks every open article whose claims share an event with the edited one, and most of
 * those come out as they were.
 */
export class DiagnosticsPublisher {
  private readonly pending = new Set<string>();
  private scheduled = false;
  /** URI -> what was last published for it, and for which version. */
  private readonly published = new Map<string, { version: number | null; diagnostics: Diagnostic[] }>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly settings: () => NewsLensSettings,
    /** The version the editor holds for a URI, or undefined when it is not open. */
    private readonly openVersion: (uri: string) => number | undefined,
    /** Told after each burst that re-checked the diagnostics of at least one open document. */
    private readonly afterFlush: () => void,
  ) {}

  /** Queues documents for republication. */
  schedule(keys: Iterable<string>): void {
    for (const key of keys) this.pending.add(key);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Empties the diagnostics of a document the editor closed or that is no longer an article. */
  clear(uri: string): void {
    this.published.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Publishes what is queued now rather than on the next turn of the event loop. */
  flush(): void {
    this.scheduled = false;
    const keys = [...this.pending];
    this.pending.clear();
    let rechecked = 0;
    for (const key of keys) {
      const document = this.index.get(key);
      if (!document || document.origin !== 'open') continue;
      const version = this.openVersion(document.uri);
      if (version === undefined || version !== document.version) continue; // closed, or stale
      // Its lenses may have changed even where its diagnostics did not (with conflict diagnostics turned
      // off, lenses still count conflicts): counted whether published or not.
      rechecked++;
      const diagnostics = diagnosticsFor(document, this.index, this.settings());
      const last = this.published.get(document.uri);
      if (last && last.version === document.version && isDeepStrictEqual(last.diagnostics, diagnostics)) continue;
      this.published.set(document.uri, { version: document.version, diagnostics });
      void this.connection.sendDiagnostics({ uri: document.uri, version: document.version ?? undefined, diagnostics });
    }
    // A burst of closed files being indexed changes nothing the editor shows: no lens refresh for it.
    if (rechecked > 0) this.afterFlush();
  }
}
