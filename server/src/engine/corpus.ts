// A whole corpus analysed at once: what the CLI does with every file of one call.
//
// Conflicts need every document's claims before any document's diagnostics are final, so a corpus is
// read in two passes (readCorpusTwice): the first analyses each document and indexes its claims, the
// second hands out each document with its conflicts. A caller keeps from the first pass what the
// second needs of each analysis: the CLI's reports (checkCorpusStream here, the JSON report in cli/)
// analyse each document once. analyzeCorpusStream hands out whole analyses: it keeps a bounded number
// of them and analyses the rest again, so that an archive of any size runs in bounded memory.

import { Analyzer } from './analyzer';
import { ConflictIndex, compactClaim } from './conflicts';
import { DocumentAnalysis, EngineDiagnostic } from './types';

export interface CorpusInput {
  id: string;
  text: string;
}

export interface CorpusDocumentResult {
  id: string;
  analysis: DocumentAnalysis;
  /** Document-local diagnostics followed by this document's `casualty-conflict` diagnostics. */
  diagnostics: EngineDiagnostic[];
}

/** Where a corpus's texts come from: asked for once per pass, so a caller need not hold them all. */
export interface CorpusSource {
  ids: string[];
  /** The text of a document, or null to leave it out of the corpus. */
  text(id: string): string | null;
}

/** First-pass analyses kept for the second pass; beyond this, documents are analysed again. */
export const KEPT_ANALYSES = 2000;

/**
 * The two passes over a corpus, for a caller that keeps its own results of the first: `first` is given
 * each document's analysis once the index has its claims and returns what the second pass needs of it
 * (the analysis is let go after it); `second` then makes each document's result from that and the
 * document's `casualty-conflict` diagnostics, or returns null to leave the document out.
 */
export function* readCorpusTwice<Kept, Result>(
  analyzer: Analyzer,
  source: CorpusSource,
  first: (id: string, text: string, analysis: DocumentAnalysis) => Kept,
  second: (id: string, kept: Kept, conflicts: EngineDiagnostic[]) => Result | null,
): Generator<Result> {
  const index = new ConflictIndex();
  const included: Array<[string, Kept]> = [];
  for (const id of source.ids) {
    const text = source.text(id);
    if (text === null) continue;
    const analysis = analyzer.analyze(text);
    // Most analyses are let go before the second pass: the index keeps only what it reads of their
    // claims.
    index.setDocument(id, { metadata: analysis.metadata, claims: analysis.claims.map(compactClaim) });
    included.push([id, first(id, text, analysis)]);
  }
  for (let i = 0; i < included.length; i++) {
    const [id, kept] = included[i];
    included[i] = [id, undefined as Kept]; // handed out: nothing keeps it for longer than its turn
    const result = second(id, kept, index.diagnosticsFor(id));
    if (result !== null) yield result;
  }
}

/** A document's own diagnostics and its conflicts, in the order of the text. */
export function withConflicts(own: readonly EngineDiagnostic[], conflicts: readonly EngineDiagnostic[]): EngineDiagnostic[] {
  return [...own, ...conflicts].sort((a, b) => a.start - b.start);
}

/**
 * A document's own diagnostics as the second pass should keep them: in strings of their own, like the
 * index's claims (a message may hold a piece of the article, which would keep the article alive).
 */
export function keptDiagnostics(diagnostics: readonly EngineDiagnostic[]): EngineDiagnostic[] {
  return JSON.parse(JSON.stringify(diagnostics)) as EngineDiagnostic[];
}

/**
 * Every document of a corpus with its full analysis and all its diagnostics. The first `keep`
 * analyses are kept for the second pass; the rest are analysed again, so an archive of any size runs
 * in bounded memory.
 */
export function* analyzeCorpusStream(
  analyzer: Analyzer, source: CorpusSource, keep: number = KEPT_ANALYSES,
): Generator<CorpusDocumentResult & { text: string }> {
  let kept = 0;
  yield* readCorpusTwice(
    analyzer,
    source,
    (_id, text, analysis) => (kept++ < keep ? { text, analysis } : null),
    (id, entry, conflicts) => {
      if (!entry) {
        const text = source.text(id);
        if (text === null) return null; // gone between the passes
        entry = { text, analysis: analyzer.analyze(text) };
      }
      return { id, text: entry.text, analysis: entry.analysis, diagnostics: withConflicts(entry.analysis.diagnostics, conflicts) };
    },
  );
}

/** A document of a corpus with its diagnostics and claim counts, but not its analysis. */
export interface CorpusDocumentCheck {
  id: string;
  text: string;
  claims: number;
  attributedClaims: number;
  /** Document-local diagnostics followed by this document's `casualty-conflict` diagnostics. */
  diagnostics: EngineDiagnostic[];
}

/**
 * The diagnostics of every document of a corpus, each document analysed once: what a report of
 * diagnostics needs of an analysis (its own diagnostics, its claim counts) is kept from the first pass,
 * and its text is asked for again in the second.
 */
export function* checkCorpusStream(analyzer: Analyzer, source: CorpusSource): Generator<CorpusDocumentCheck> {
  yield* readCorpusTwice(
    analyzer,
    source,
    (_id, _text, analysis) => ({
      claims: analysis.claims.length,
      attributedClaims: analysis.claims.filter((c) => c.attribution).length,
      diagnostics: keptDiagnostics(analysis.diagnostics),
    }),
    (id, kept, conflicts) => {
      const text = source.text(id);
      if (text === null) return null; // gone between the passes
      return { id, text, claims: kept.claims, attributedClaims: kept.attributedClaims, diagnostics: withConflicts(kept.diagnostics, conflicts) };
    },
  );
}

export function analyzeCorpus(analyzer: Analyzer, inputs: CorpusInput[]): CorpusDocumentResult[] {
  const texts = new Map(inputs.map((i) => [i.id, i.text]));
  return [...analyzeCorpusStream(analyzer, { ids: inputs.map((i) => i.id), text: (id) => texts.get(id) ?? null }, Infinity)]
    .map(({ id, analysis, diagnostics }) => ({ id, analysis, diagnostics }));
}
