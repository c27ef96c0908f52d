// The JSON report of `newslens analyze --format json`: a contract other tools rely on, so every field
// name here is fixed. Engine-internal fields are left out on purpose.
import {
  Analyzer, CasualtyClaim, CorpusSource, DocumentAnalysis, EngineDiagnostic, Entity, Span, keptDiagnostics, readCorpusTwice, withConflicts,
} from '../engine';
import { ReportBodies } from './reportBodies';

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
 * The report of a corpus, each document analysed once: the first pass writes each document's JSON
 * but its diagnostics (documentHead) into `bodies`, the second fills them in once the conflicts are
 * known. `noteDiagnostics` sees every document's diagnostics as it is written.
 */
export function writeCorpusJsonReport(
  analyzer: Analyzer,
  source: CorpusSource,
  bodies: ReportBodies,
  version: string,
  write: (chunk: string) => void,
  noteDiagnostics: (diagnostics: readonly EngineDiagnostic[]) => void = () => undefined,
): void {
  const documents = readCorpusTwice(
    analyzer,
    source,
    (id, _text, analysis) => ({ head: bodies.add(documentHead(id, analysis)), own: keptDiagnostics(analysis.diagnostics) }),
    (_id, kept, conflicts) => {
      const diagnostics = withConflicts(kept.own, conflicts);
      noteDiagnostics(diagnostics);
      return documentBody(bodies.take(kept.head), diagnostics);
    },
  );
  writeJsonReport(documents, version, write);
}

/**
 * Writes the report one document at a time: a single JSON string of a large archive's report would
 * exceed what a JavaScript string can hold long before memory runs out. Each body is a document's
 * JSON (documentBody).
 */
export function writeJsonReport(bodies: Iterable<string>, version: string, write: (chunk: string) => void): void {
  write(`{\n  "tool": ${JSON.stringify({ name: 'newslens', version })},\n  "documents": [`);
  let count = 0;
  for (const body of bodies) write(`${count++ === 0 ? '' : ','}\n    ${body.replace(/\n/g, '\n    ')}`);
  write(`${count ? '\n  ' : ''}]\n}\n`);
}

/**
 * A document's JSON with its diagnostics left empty: what the first pass over a corpus can write,
 * before the conflicts are known. `documentBody` fills them in.
 */
export function documentHead(id: string, analysis: DocumentAnalysis): string {
  return JSON.stringify(
    {
      path: id,
      date: analysis.metadata.date,
      entities: analysis.entities.map(entityJson),
      numbers: analysis.numbers.map((n) => ({ start: n.start, end: n.end, text: n.text, min: n.min, max: n.max, kind: n.kind })),
      claims: analysis.claims.map(claimJson),
      attributions: analysis.attributions.map((a) => ({
        source: span(a.source),
        cue: span(a.cue),
        content: a.content ? { start: a.content.start, end: a.content.end } : null,
      })),
      diagnostics: [],
    },
    null,
    2,
  );
}

/** The end of documentHead's JSON, whose "[]" the diagnostics replace. */
const EMPTY_DIAGNOSTICS = '"diagnostics": []\n}';

/**
 * The document's JSON: its head with the diagnostics in the last field, as JSON.stringify with an
 * indent of 2 would have written them there.
 */
export function documentBody(head: string, diagnostics: readonly EngineDiagnostic[]): string {
  if (!head.endsWith(EMPTY_DIAGNOSTICS)) throw new Error('not a document head');
  if (diagnostics.length === 0) return head;
  const list = JSON.stringify(diagnostics.map(diagnosticJson), null, 2).replace(/\n/g, '\n  ');
  return `${head.slice(0, head.length - EMPTY_DIAGNOSTICS.length)}"diagnostics": ${list}\n}`;
}

function diagnosticJson(d: EngineDiagnostic) {
  return {
    start: d.start,
    end: d.end,
    severity: d.severity,
    code: d.code,
    message: d.message,
    related: d.related.map((rel) => ({ path: rel.documentId, start: rel.start, end: rel.end, message: rel.message })),
  };
}
