// A whole corpus analysed at once: what the CLI does with every file of one call.
//
// Conflicts need every document's claims before any document's diagnostics are final, so a corpus is
// read in two passes: the first analyses each document and indexes its claims, the second hands out
// each document with its conflicts. Only a bounded number of first-pass analyses are kept for the
// second; the rest are analysed again, so an archive of any size runs in bounded memory.

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

export function* analyzeCorpusStream(
  analyzer: Analyzer, source: CorpusSource, keep: number = KEPT_ANALYSES,
): Generator<CorpusDocumentResult & { text: string }> {
  const index = new ConflictIndex();
  const kept = new Map<string, { text: string; analysis: DocumentAnalysis }>();
  const included: string[] = [];
  for (const id of source.ids) {
    const text = source.text(id);
    if (text === null) continue;
    const analysis = analyzer.analyze(text);
    // Most analyses are let go, and analysed again for the second pass: the index keeps only what it
    // reads of their claims.
    index.setDocument(id, { metadata: analysis.metadata, claims: analysis.claims.map(compactClaim) });
    included.push(id);
    if (kept.size < keep) kept.set(id, { text, analysis });
  }
  for (const id of included) {
    let entry = kept.get(id);
    kept.delete(id);
    if (!entry) {
      const text = source.text(id);
      if (text === null) continue; // gone between the passes
      entry = { text, analysis: analyzer.analyze(text) };
    }
    const diagnostics = [...entry.analysis.diagnostics, ...index.diagnosticsFor(id)].sort((a, b) => a.start - b.start);
    yield { id, text: entry.text, analysis: entry.analysis, diagnostics };
  }
}

export function analyzeCorpus(analyzer: Analyzer, inputs: CorpusInput[]): CorpusDocumentResult[] {
  const texts = new Map(inputs.map((i) => [i.id, i.text]));
  return [...analyzeCorpusStream(analyzer, { ids: inputs.map((i) => i.id), text: (id) => texts.get(id) ?? null }, Infinity)]
    .map(({ id, analysis, diagnostics }) => ({ id, analysis, diagnostics }));
}
