// The JSON report of `newslens analyze --format json`: a contract other tools rely on, so every field
// name here is fixed. Engine-internal fields are left out on purpose.
import { CasualtyClaim, CorpusDocumentResult, Entity, Span } from '../engine';

function span(s: Span): Span {
  return { start: s.start, end: s.end, text: s.text };
}

function claimJson(c: CasualtyClaim) {
  return {
    id: c.id,
    start: c.start,
    end: c.end,
    text: c.text,
    category: c.category,
    count: { start: c.count.start, end: c.count.end, text: c.count.text, min: c.count.min, max: c.count.max },
    victims: c.victims,
    event: c.event,
    place: c.place,
    time: c.time,
    subgroup: c.subgroup,
    cumulative: c.cumulative,
    attribution: c.attribution
      ? { source: span(c.attribution.source), cue: c.attribution.cue ? span(c.attribution.cue) : null, tagged: c.attribution.tagged }
      : null,
  };
}

function entityJson(e: Entity) {
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    aliases: e.aliases,
    roles: e.roles,
    mentions: e.mentions.map(span),
    ...(e.place
      ? { place: { country: e.place.country, countryCode: e.place.countryCode, latitude: e.place.latitude, longitude: e.place.longitude } }
      : {}),
  };
}

/**
 * Writes the report one document at a time: a single JSON string of a large archive's report would
 * exceed what a JavaScript string can hold long before memory runs out.
 */
export function writeJsonReport(results: Iterable<CorpusDocumentResult>, version: string, write: (chunk: string) => void): void {
  write(`{\n  "tool": ${JSON.stringify({ name: 'newslens', version })},\n  "documents": [`);
  let count = 0;
  for (const r of results) {
    const body = JSON.stringify(documentJson(r), null, 2).replace(/\n/g, '\n    ');
    write(`${count++ === 0 ? '' : ','}\n    ${body}`);
  }
  write(`${count ? '\n  ' : ''}]\n}\n`);
}

function documentJson(r: CorpusDocumentResult) {
  return {
    path: r.id,
    date: r.analysis.metadata.date,
    entities: r.analysis.entities.map(entityJson),
    numbers: r.analysis.numbers.map((n) => ({ start: n.start, end: n.end, text: n.text, min: n.min, max: n.max, kind: n.kind })),
    claims: r.analysis.claims.map(claimJson),
    attributions: r.analysis.attributions.map((a) => ({
      source: span(a.source),
      cue: span(a.cue),
      content: a.content ? { start: a.content.start, end: a.content.end } : null,
    })),
    diagnostics: r.diagnostics.map((d) => ({
      start: d.start,
      end: d.end,
      severity: d.severity,
      code: d.code,
      message: d.message,
      related: d.related.map((rel) => ({ path: rel.documentId, start: rel.start, end: rel.end, message: rel.message })),
    })),
  };
}
