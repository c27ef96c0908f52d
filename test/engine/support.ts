// Shared set-up for engine tests: one analyzer per test run, built from the same gazetteer the
// extension ships (dist/gazetteer.json, written by `npm run build`).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, CasualtyClaim, DocumentAnalysis } from '../../server/src/engine';
import { sharedAnalyzer } from '../../server/src/node/resources';

export function analyzer(): Analyzer {
  return sharedAnalyzer();
}

export function analyze(text: string): DocumentAnalysis {
  return sharedAnalyzer().analyze(text);
}

/** The offset of `needle` in `text`, asserting that it occurs exactly once. */
export function offsetOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `"${needle}" is not in the fixture`);
  assert.strictEqual(text.indexOf(needle, at + 1), -1, `"${needle}" occurs twice in the fixture`);
  return at;
}

/** The one claim whose count reads `countText`. */
export function claimWithCount(analysis: DocumentAnalysis, countText: string): CasualtyClaim {
  const found = analysis.claims.filter((c) => c.count.text === countText);
  assert.strictEqual(found.length, 1, `expected one claim counting "${countText}", got ${JSON.stringify(analysis.claims.map((c) => c.count.text))}`);
  return found[0];
}

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** The project's examples always; the Syria corpus when ../shared is beside the repository (as in CI). */
export function corpusArticles(): string[] {
  return [...articlesIn(path.join(REPO_ROOT, 'examples')), ...articlesIn(path.join(REPO_ROOT, '..', 'shared', 'corpus', 'syria'))];
}

/** The article texts of a folder and its subfolders, or none when it is absent. */
function articlesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return articlesIn(file);
    return /\.(?:txt|md|news)$/.test(entry.name) ? [fs.readFileSync(file, 'utf8')] : [];
  });
}
