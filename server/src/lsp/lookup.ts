// What sits at an offset of an analysed article, and small questions about claims and actors that
// several features ask (hover, lenses, references, code actions).

import { CasualtyClaim, DocumentAnalysis, Entity, NumberMention, Span } from '../engine';

/**
 * Whether a span holds an offset. A cursor right after a word (offset === end) still counts, so
 * "find references" works with the caret at the end of a name; `strict` is for hovers, where the
 * position is the character under the mouse.
 */
function holds(span: { start: number; end: number }, offset: number, strict: boolean): boolean {
  return span.start <= offset && (strict ? offset < span.end : offset <= span.end);
}

export interface MentionAt {
  entity: Entity;
  mention: Span;
}

export function entityAt(analysis: DocumentAnalysis, offset: number, strict = false): MentionAt | undefined {
  let loose: MentionAt | undefined;
  for (const entity of analysis.entities) {
    for (const mention of entity.mentions) {
      if (holds(mention, offset, true)) return { entity, mention };
      if (!strict && !loose && holds(mention, offset, false)) loose = { entity, mention };
    }
  }
  return loose;
}

export function numberAt(analysis: DocumentAnalysis, offset: number): NumberMention | undefined {
  return analysis.numbers.find((n) => holds(n, offset, true));
}

/** The claim whose count is this number, if any. */
export function claimCounting(analysis: DocumentAnalysis, number: NumberMention): CasualtyClaim | undefined {
  return analysis.claims.find((c) => c.count.start === number.start && c.count.end === number.end);
}

export function claimAt(analysis: DocumentAnalysis, offset: number): CasualtyClaim | undefined {
  return analysis.claims.find((c) => holds(c, offset, true));
}

export function entityById(analysis: DocumentAnalysis, id: string | undefined): Entity | undefined {
  return id === undefined ? undefined : analysis.entities.find((e) => e.id === id);
}

function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/['’]s$/, '')
    .trim();
}

/** Whether an attribution (of a claim or of the article) names this entity. */
export function namesEntity(source: { entityId?: string; source: Span }, entity: Entity): boolean {
  if (source.entityId !== undefined) return source.entityId === entity.id;
  const said = normalizeName(source.source.text);
  return [entity.name, ...entity.aliases].some((n) => normalizeName(n) === said);
}

/** The claims an entity is the source of. */
export function claimsSourcedBy(analysis: DocumentAnalysis, entity: Entity): CasualtyClaim[] {
  return analysis.claims.filter((c) => c.attribution !== null && namesEntity(c.attribution, entity));
}

/** "Source: activists (according to)", "Source: activists (tagged)", "Source: state TV". */
export function sourceLabel(claim: CasualtyClaim): string | null {
  const a = claim.attribution;
  if (!a) return null;
  const how = a.tagged ? ' (tagged)' : a.cue ? ` (${a.cue.text})` : '';
  return `Source: ${a.source.text}${how}`;
}

