// "Find all references" of an actor or place: every mention, in every indexed article, of every entity
// with the same Entity.key (the engine's cross-document identity), the current article first.

import { Location, Position } from 'vscode-languageserver';
import { Span } from '../engine';
import { entityAt } from './lookup';
import { IndexedDocument, WorkspaceIndex } from './workspaceIndex';

export function references(document: IndexedDocument, index: WorkspaceIndex, position: Position): Location[] {
  const found = entityAt(document.analysis, document.lines.offsetAt(position));
  if (!found) return [];
  // Grouped by article (the current one first), in text order within each.
  const byDocument = new Map<IndexedDocument, Span[]>();
  for (const { document: other, entity } of index.occurrences(found.entity.key, document.key)) {
    const spans = byDocument.get(other);
    if (spans) spans.push(...entity.mentions);
    else byDocument.set(other, [...entity.mentions]);
  }
  const out: Location[] = [];
  for (const [other, spans] of byDocument) {
    spans.sort((a, b) => a.start - b.start);
    for (const mention of spans) out.push({ uri: other.uri, range: other.lines.rangeOf(mention) });
  }
  return out;
}
