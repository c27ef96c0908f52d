// Symbols: the outline of one article (its casualty claims, actors and places) and workspace symbols
// (the actors of every indexed article, so "Go to Symbol in Workspace" finds a person or group across
// the whole collection, open or not).

import { DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { describeClaim, Entity, EntityKind } from '../engine';
import { displayName } from './uris';
import { IndexedDocument, WorkspaceIndex } from './workspaceIndex';

/** LSP has no "person": a person is a named individual (Variable), an organisation a body (Class). */
const ENTITY_SYMBOL: Record<EntityKind, SymbolKind> = {
  person: SymbolKind.Variable,
  organization: SymbolKind.Class,
  place: SymbolKind.Namespace,
};

/** Workspace symbol answers stop here; the editor narrows with a longer query. */
const MAX_WORKSPACE_SYMBOLS = 500;

function isActor(entity: Entity): boolean {
  return entity.kind === 'person' || entity.kind === 'organization';
}

function entityDetail(entity: Entity): string {
  const mentions = `${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'}`;
  return entity.roles.length ? `${entity.roles.join('; ')} · ${mentions}` : mentions;
}

interface Group {
  name: string;
  children: DocumentSymbol[];
}

function groups(document: IndexedDocument): Group[] {
  const { analysis, lines } = document;
  const claims: DocumentSymbol[] = analysis.claims.map((claim) => ({
    name: describeClaim(claim),
    detail: claim.victims,
    kind: SymbolKind.Event,
    range: lines.rangeOf(claim),
    selectionRange: lines.rangeOf(claim.count),
  }));
  const entitySymbols = (keep: (e: Entity) => boolean): DocumentSymbol[] =>
    analysis.entities
      .filter((e) => keep(e) && e.mentions.length > 0)
      .map((entity) => ({
        name: entity.name,
        detail: entityDetail(entity),
        kind: ENTITY_SYMBOL[entity.kind],
        range: lines.rangeOf(entity.mentions[0]),
        selectionRange: lines.rangeOf(entity.mentions[0]),
      }));
  return [
    { name: 'Casualty claims', children: claims },
    { name: 'Actors', children: entitySymbols(isActor) },
    { name: 'Places', children: entitySymbols((e) => e.kind === 'place') },
  ].filter((g) => g.children.length > 0);
}

/** Hierarchical outline: one group per kind, each spanning the document so every child lies inside. */
export function documentSymbols(document: IndexedDocument): DocumentSymbol[] {
  const whole = document.lines.rangeOf({ start: 0, end: document.lines.length });
  return groups(document).map((g) => ({
    name: g.name,
    detail: `${g.children.length}`,
    kind: SymbolKind.Module,
    range: whole,
    selectionRange: g.children[0].selectionRange,
    children: g.children,
  }));
}

/** Flat outline for clients without hierarchical symbol support. */
export function flatDocumentSymbols(document: IndexedDocument): SymbolInformation[] {
  return groups(document).flatMap((g) =>
    g.children.map((s) => ({ name: s.name, kind: s.kind, containerName: g.name, location: { uri: document.uri, range: s.range } })),
  );
}

/** Whether the query's characters appear in order in the name (what editors call fuzzy matching). */
function fuzzyMatches(query: string, name: string): boolean {
  let i = 0;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  for (let j = 0; j < n.length && i < q.length; j++) if (n[j] === q[i]) i++;
  return i === q.length;
}

export function workspaceSymbols(index: WorkspaceIndex, query: string): SymbolInformation[] {
  const trimmed = query.replace(/\s+/g, '');
  const out: SymbolInformation[] = [];
  for (const document of index.all()) {
    for (const entity of document.analysis.entities) {
      if (!isActor(entity) || entity.mentions.length === 0) continue;
      if (trimmed && ![entity.name, ...entity.aliases].some((n) => fuzzyMatches(trimmed, n.replace(/\s+/g, '')))) continue;
      out.push({
        name: entity.name,
        kind: ENTITY_SYMBOL[entity.kind],
        containerName: displayName(document.uri),
        location: { uri: document.uri, range: document.lines.rangeOf(entity.mentions[0]) },
      });
    }
  }
  out.sort((a, b) => a.name.localeCompare(b.name) || a.location.uri.localeCompare(b.location.uri));
  return out.slice(0, MAX_WORKSPACE_SYMBOLS);
}
