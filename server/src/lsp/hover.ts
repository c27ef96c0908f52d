// Hovers: an entity card on any mention of an actor or place, the interval of a number, and for a
// casualty claim its category, victims, event, source and conflicts. Compact Markdown, one fact a line,
// so a hover answers at a glance; a map link for places is only text, nothing is fetched.

import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import { CasualtyClaim, categoryLabel, describeClaim, Entity, intervalNotation, NumberMention, PlaceInfo } from '../engine';
import { claimAt, claimCounting, claimsSourcedBy, entityAt, numberAt, sourceLabel } from './lookup';
import { offsetAfter, offsetBefore, TextChange, touchesChange } from './textChange';
import { displayName } from './uris';
import { IndexedDocument, WorkspaceIndex } from './workspaceIndex';

/**
 * Escapes the characters that would turn article text into inline Markdown (emphasis, code, links,
 * HTML). Only these: escaping every punctuation mark would litter "al\-Assad" into clients that show
 * the Markdown source.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`);
}

/**
 * Lines of a card, joined by Markdown hard line breaks. A line that would start a heading, list or
 * quote ("# ...", "- ...", "3. ...") has its first character escaped.
 */
function card(lines: Array<string | null>): string {
  return lines
    .filter((l): l is string => l !== null && l !== '')
    .map((l) => l.replace(/^[#>+-]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2'))
    .join('  \n');
}

function times(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export function hoverAt(document: IndexedDocument, index: WorkspaceIndex, position: Position): Hover | null {
  const analysis = document.analysis;
  const offset = document.lines.offsetAt(position);
  const number = numberAt(analysis, offset);
  if (number) return markdown(numberCard(document, index, number), document.lines.rangeOf(number));
  const found = entityAt(analysis, offset, true);
  if (found) return markdown(entityCard(document, index, found.entity), document.lines.rangeOf(found.mention));
  const claim = claimAt(analysis, offset);
  if (claim) return markdown(claimCard(document, index, claim, `**${escapeMarkdown(describeClaim(claim))}**`), document.lines.rangeOf(claim));
  return null;
}

/** The editor's current version of a document, for converting its positions. */
export interface CurrentText {
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

/**
 * A hover on the current version of an open article answered from the analysis of an earlier version,
 * while the current one waits for its (debounced) analysis: typing must not make every hover wait for a
 * whole article to be analysed again. Undefined when the earlier analysis cannot answer for the current
 * text, and the caller analyses the current version instead: the position lies in the changed region,
 * the hovered item touches it, the change added or removed lines (cards cite line numbers), or nothing
 * was found on the changed line (what was typed there may be something new).
 */
export function hoverAcrossChange(
  earlier: IndexedDocument,
  index: WorkspaceIndex,
  change: TextChange,
  current: CurrentText,
  position: Position,
): Hover | null | undefined {
  if (change.linesMoved) return undefined;
  const before = offsetBefore(change, current.offsetAt(position));
  if (before === null) return undefined;
  const hover = hoverAt(earlier, index, earlier.lines.positionAt(before));
  if (!hover?.range) {
    return earlier.lines.positionAt(change.start).line === position.line ? undefined : hover;
  }
  const span = { start: earlier.lines.offsetAt(hover.range.start), end: earlier.lines.offsetAt(hover.range.end) };
  if (touchesChange(change, span)) return undefined;
  return {
    ...hover,
    range: { start: current.positionAt(offsetAfter(change, span.start)), end: current.positionAt(offsetAfter(change, span.end)) },
  };
}

function markdown(value: string, range: Hover['range']): Hover {
  return { contents: { kind: MarkupKind.Markdown, value }, range };
}

function entityCard(document: IndexedDocument, index: WorkspaceIndex, entity: Entity): string {
  const place = entity.place;
  const kind = place ? (place.placeType === 'country' ? 'country' : `place (${place.placeType})`) : entity.kind;
  const occurrences = index.occurrences(entity.key, document.key);
  const workspaceMentions = occurrences.reduce((n, o) => n + o.entity.mentions.length, 0);
  const workspaceArticles = new Set(occurrences.map((o) => o.document.key)).size;
  const sourced = claimsSourcedBy(document.analysis, entity).map(
    (c) => `${escapeMarkdown(describeClaim(c))} (line ${document.lines.lineNumberAt(c.start)})`,
  );
  return card([
    `**${escapeMarkdown(entity.name)}** · ${kind}`,
    entity.roles.length ? escapeMarkdown(entity.roles.join('; ')) : null,
    entity.aliases.length ? `Also: ${entity.aliases.map(escapeMarkdown).join(', ')}` : null,
    `Mentions: ${entity.mentions.length} in this article · ${workspaceMentions} in ${times(workspaceArticles, 'article')} of the workspace`,
    sourced.length ? `Source of: ${sourced.join('; ')}` : null,
    place ? placeLine(place) : null,
  ]);
}

/**
 * "Idlib region, Syria · 35.4421, 36.6510 · [OpenStreetMap](...)": where it is, and a map to check. A
 * region's point is its biggest town's, which the line says.
 */
function placeLine(place: PlaceInfo): string {
  const lat = place.latitude.toFixed(4);
  const lon = place.longitude.toFixed(4);
  const map = `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=10/${lat}/${lon}`;
  const where = place.placeType === 'region'
    ? `a region of ${place.country}; its biggest town ${place.regionName}`
    : place.regionName ? `${place.regionName} region, ${place.country}` : place.country;
  return `${escapeMarkdown(where)} · ${lat}, ${lon} · [OpenStreetMap](${map})`;
}

function numberCard(document: IndexedDocument, index: WorkspaceIndex, number: NumberMention): string {
  const head = `**${escapeMarkdown(number.text)}** · ${intervalNotation(number)}`;
  const claim = claimCounting(document.analysis, number);
  if (!claim) return card([head, number.kind === 'count' ? 'Not a casualty count' : `${number.kind}, not a casualty count`]);
  return claimCard(document, index, claim, head);
}

function claimCard(document: IndexedDocument, index: WorkspaceIndex, claim: CasualtyClaim, head: string): string {
  const conflicts = index
    .conflictsOf(document.key)
    .filter((c) => c.a.claim.id === claim.id)
    .map((c) => {
      const other = index.get(c.b.documentId);
      const where = c.b.documentId === document.key ? 'this article' : displayName(other?.uri ?? c.b.documentId);
      return `${escapeMarkdown(describeClaim(c.b.claim))} in ${escapeMarkdown(where)}`;
    });
  const what = [categoryLabel(claim.category), claim.victims, claim.place, claim.time].filter(Boolean) as string[];
  return card([
    head,
    `Casualty claim: ${what.map(escapeMarkdown).join(' · ')}`,
    `Event: \`${claim.event.replace(/`/g, "'")}\`${claim.cumulative ? ' (cumulative toll)' : ''}`,
    escapeMarkdown(sourceLabel(claim) ?? 'No source: unattributed'),
    conflicts.length ? `Conflicts with: ${conflicts.join('; ')}` : null,
  ]);
}
