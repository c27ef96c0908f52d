// A whole corpus analysed at once: what the CLI does with every file of one call.

import { Analyzer } from './analyzer';
import { ConflictIndex } from './conflicts';
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

export function analyzeCorpus(analyzer: Analyzer, inputs: CorpusInput[]): CorpusDocumentResult[] {
  const index = new ConflictIndex();
  const analyses = inputs.map((input) => {
    const analysis = analyzer.analyze(input.text);
    index.setDocument(input.id, analysis);
    return { id: input.id, analysis };
  });
  return analyses.map(({ id, analysis }) => ({
    id,
    analysis,
    diagnostics: [...analysis.diagnostics, ...index.diagnosticsFor(id)].sort((a, b) => a.start - b.start),
  }));
}
