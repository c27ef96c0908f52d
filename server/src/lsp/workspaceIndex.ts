// Everything the server knows about the articles of the workspace: one analysis per document (the
// open version when the editor has it open, the disk version otherwise), the engine's ConflictIndex
// over all of them, and an index of actors by Entity.key for hovers, references and workspace symbols.
//
// The index is plain bookkeeping: it never reads files and never talks to the client. Every update
// returns the keys of the other documents whose conflicts may have changed, so callers republish only
// those.

import { Conflict, ConflictIndex, DocumentAnalysis, Entity } from '../engine';
import { SkipReason } from './articleFiles';
import { LineIndex } from './positions';

export interface IndexedDocument {
  /** Canonical key (see uris.ts); also the document id given to the ConflictIndex. */
  key: string;
  /** The URI to answer with: the client's own spelling for open documents. */
  uri: string;
  origin: 'open' | 'disk';
  /** Editor version the analysis was made from (open documents only). */
  version: number | null;
  analysis: DocumentAnalysis;
  lines: LineIndex;
  /** Set when the document was not analysed (too large, binary); its analysis is then empty. */
  skipped: SkipReason | null;
}

export interface ActorOccurrence {
  document: IndexedDocument;
  entity: Entity;
}

/** The analysis of a document that was not analysed (too large, binary): nothing found. */
export const EMPTY_ANALYSIS: DocumentAnalysis = {
  metadata: { headline: null, date: null, furnitureStart: null, dateline: null },
  sentences: [],
  entities: [],
  numbers: [],
  claims: [],
  attributions: [],
  tags: [],
  diagnostics: [],
};

export class WorkspaceIndex {
  readonly conflicts = new ConflictIndex();
  private readonly documents = new Map<string, IndexedDocument>();
  /** Entity.key -> document key -> the entities with that key in that document. */
  private readonly actors = new Map<string, Map<string, Entity[]>>();
  /**
   * Document key -> its conflicts, as asked for since the last update that may have changed them: an
   * edit's diagnostics, then the lenses and hovers the editor asks for next, all read the same ones.
   */
  private readonly conflictsByDocument = new Map<string, Conflict[]>();
  private articles = 0;

  get(key: string): IndexedDocument | undefined {
    return this.documents.get(key);
  }

  all(): IterableIterator<IndexedDocument> {
    return this.documents.values();
  }

  keys(): string[] {
    return [...this.documents.keys()];
  }

  /** Number of analysed articles (skipped documents are not articles); kept as documents come and go. */
  get articleCount(): number {
    return this.articles;
  }

  /** Stores a document's analysis, replacing any earlier one. Returns the other documents affected. */
  set(document: IndexedDocument): Set<string> {
    this.forgetActors(document.key);
    if (this.documents.get(document.key)?.skipped === null) this.articles--;
    if (document.skipped === null) this.articles++;
    this.documents.set(document.key, document);
    for (const entity of document.analysis.entities) {
      let byDocument = this.actors.get(entity.key);
      if (!byDocument) this.actors.set(entity.key, (byDocument = new Map()));
      const list = byDocument.get(document.key);
      if (list) list.push(entity);
      else byDocument.set(document.key, [entity]);
    }
    return this.forgetConflicts(document.key, this.conflicts.setDocument(document.key, document.analysis));
  }

  /**
   * Gives a document's analysis a new editor version, for a text that came back to the one analysed:
   * nothing it found changes, so neither do its conflicts nor anyone else's.
   */
  renumber(key: string, version: number | null): void {
    const document = this.documents.get(key);
    if (document) this.documents.set(key, { ...document, version });
  }

  /** Forgets a document. Returns the other documents affected. */
  remove(key: string): Set<string> {
    if (!this.documents.has(key)) return new Set();
    this.forgetActors(key);
    if (this.documents.get(key)?.skipped === null) this.articles--;
    this.documents.delete(key);
    return this.forgetConflicts(key, this.conflicts.removeDocument(key));
  }

  /**
   * Every conflict that involves a claim of this document, the document's claim as `a`
   * (`ConflictIndex.conflictsOf`). Shared until the next update: callers must not change it.
   */
  conflictsOf(key: string): readonly Conflict[] {
    let conflicts = this.conflictsByDocument.get(key);
    if (!conflicts) this.conflictsByDocument.set(key, (conflicts = this.conflicts.conflictsOf(key)));
    return conflicts;
  }

  /** Every entity with this key, in every document, the given document first. */
  occurrences(entityKey: string, firstDocument?: string): ActorOccurrence[] {
    const byDocument = this.actors.get(entityKey);
    if (!byDocument) return [];
    const keys = [...byDocument.keys()].sort((a, b) =>
      a === firstDocument ? -1 : b === firstDocument ? 1 : a < b ? -1 : a > b ? 1 : 0,
    );
    const out: ActorOccurrence[] = [];
    for (const key of keys) {
      const document = this.documents.get(key);
      if (!document) continue;
      for (const entity of byDocument.get(key) ?? []) out.push({ document, entity });
    }
    return out;
  }

  /** Conflicting claim pairs across the index, each pair once (a running count, not a walk). */
  conflictCount(): number {
    return this.conflicts.conflictCount;
  }

  /** Drops the remembered conflicts of a changed document and of the others the change may affect. */
  private forgetConflicts(key: string, affected: Set<string>): Set<string> {
    this.conflictsByDocument.delete(key);
    for (const other of affected) this.conflictsByDocument.delete(other);
    return affected;
  }

  private forgetActors(documentKey: string): void {
    const previous = this.documents.get(documentKey);
    if (!previous) return;
    for (const entity of previous.analysis.entities) {
      const byDocument = this.actors.get(entity.key);
      if (!byDocument) continue;
      byDocument.delete(documentKey);
      if (byDocument.size === 0) this.actors.delete(entity.key);
    }
  }
}
