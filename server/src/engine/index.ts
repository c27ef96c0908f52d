// The analysis engine: text in, plain data out. No I/O, no editor or protocol types.
export * from './types';
export { Analyzer, EngineResources, createAnalyzer } from './analyzer';
export { ConflictIndex, Conflict, ClaimRef, IndexedClaim, DocumentClaims, claimsConflict, compactClaim } from './conflicts';
export {
  analyzeCorpus, analyzeCorpusStream, checkCorpusStream, CorpusInput, CorpusDocumentCheck, CorpusDocumentResult, CorpusSource, KEPT_ANALYSES,
  keptDiagnostics, readCorpusTwice, withConflicts,
} from './corpus';
export { describeClaim, describeInterval, intervalNotation, categoryLabel, intervalsOverlap } from './format';
export { GazetteerData } from './gazetteer';
export { NerModelData } from './ner';
export { formatSourceTag } from './tags';
