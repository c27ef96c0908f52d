// Runs the engine on one text and packs the result for the workspace index. The engine is pure and
// synchronous; this is where the server makes sure an engine failure on one odd text becomes a logged,
// visible "not analysed" instead of a crashed server.

import { Analyzer } from '../engine';
import { sharedAnalyzer } from '../node/resources';
import { SkipReason, skipReasonForText } from './articleFiles';
import { LineIndex } from './positions';
import { SkipCodes } from './protocol';
import { EMPTY_ANALYSIS, IndexedDocument } from './workspaceIndex';

let analyzer: Analyzer | undefined;
let loadError: string | undefined;

/** The process-wide analyzer, or the reason it could not be built (e.g. dist/gazetteer.json missing). */
function getAnalyzer(): Analyzer | string {
  if (analyzer) return analyzer;
  if (loadError) return loadError;
  try {
    analyzer = sharedAnalyzer();
    return analyzer;
  } catch (error) {
    loadError = error instanceof Error ? error.message : String(error);
    return loadError;
  }
}

/** A sentence that sets off the analyzer's lazy parts (the entity model, the claim and source rules). */
const WARM_UP_TEXT = 'Shelling killed at least three people in a village near Aleppo on Monday, a monitoring group said.';

/**
 * Builds the process-wide analyzer and reads one sentence with it, so that the first article the
 * editor opens does not wait for the gazetteer index and the entity model. Returns the time it took
 * in ms, or why the analyzer could not be built or failed.
 */
export function warmUpAnalyzer(): { ms: number } | { error: string } {
  const started = performance.now();
  const engine = getAnalyzer();
  if (typeof engine === 'string') return { error: engine };
  try {
    engine.analyze(WARM_UP_TEXT);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  return { ms: performance.now() - started };
}

export interface ArticleText {
  key: string;
  uri: string;
  origin: 'open' | 'disk';
  version: number | null;
  text: string;
}

/**
 * Analyses an article, or records why it was not analysed: `skipped` when the caller already knows
 * (a file read from disk), otherwise the size and binary checks run here on the text itself.
 */
export function analyseArticle(
  article: ArticleText,
  maxSizeKB: number,
  log: (message: string) => void,
  skipped: SkipReason | null = skipReasonForText(article.text, maxSizeKB),
): IndexedDocument {
  const base = { key: article.key, uri: article.uri, origin: article.origin, version: article.version };
  if (skipped) return { ...base, analysis: EMPTY_ANALYSIS, lines: LineIndex.of(''), skipped };
  const lines = LineIndex.of(article.text);
  const engine = getAnalyzer();
  if (typeof engine === 'string') {
    return { ...base, analysis: EMPTY_ANALYSIS, lines, skipped: { code: SkipCodes.analysisFailed, message: `the engine could not start (${engine})` } };
  }
  try {
    return { ...base, analysis: engine.analyze(article.text), lines, skipped: null };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`the engine failed on ${article.uri}: ${error instanceof Error && error.stack ? error.stack : reason}`);
    return { ...base, analysis: EMPTY_ANALYSIS, lines, skipped: { code: SkipCodes.analysisFailed, message: `the engine failed (${reason})` } };
  }
}

/**
 * What the workspace index keeps of an article it read from disk: the metadata (dates for conflicts),
 * the claims (conflicts, related locations) and the entities (hovers' workspace counts, references,
 * workspace symbols). Sentences, tokens, numbers and attributions are what most of an analysis weighs,
 * and nothing asks for them about a file the editor does not show; an article that is opened is
 * analysed again in full.
 */
export function diskSummary(document: IndexedDocument): IndexedDocument {
  const { metadata, entities, claims } = document.analysis;
  return { ...document, analysis: { ...EMPTY_ANALYSIS, metadata, entities, claims } };
}
