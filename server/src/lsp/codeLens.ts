// Code lenses: a summary at the top of an article ("5 claims - 3 sourced - 1 conflict") and one lens
// above each casualty claim naming its source, or inviting the editor to tag one. Lenses carry their
// commands directly (no resolve step): they are cheap to build from the analysis the server holds.

import { CodeLens } from 'vscode-languageserver';
import { Conflict } from '../engine';
import { sourceLabel } from './lookup';
import { Commands } from './protocol';
import { IndexedDocument, WorkspaceIndex } from './workspaceIndex';

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** Conflicting pairs that involve this document, each pair once (a pair inside it is seen from both ends). */
export function conflictPairs(conflicts: readonly Conflict[]): number {
  const pairs = new Set<string>();
  for (const c of conflicts) {
    const ends = [`${c.a.documentId}#${c.a.claim.id}`, `${c.b.documentId}#${c.b.claim.id}`].sort();
    pairs.add(ends.join('\u0000'));
  }
  return pairs.size;
}

export function codeLenses(document: IndexedDocument, index: WorkspaceIndex): CodeLens[] {
  const { claims } = document.analysis;
  if (claims.length === 0) return [];
  const sourced = claims.filter((c) => c.attribution !== null).length;
  const conflicts = conflictPairs(index.conflictsOf(document.key));
  const top = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const lenses: CodeLens[] = [
    {
      range: top,
      command: {
        title: `${count(claims.length, 'claim')} - ${sourced} sourced - ${count(conflicts, 'conflict')}`,
        command: Commands.showProblems,
      },
    },
  ];
  // Two claims of one sentence with one source ("killing 8 and wounding 20, activists said") get one
  // lens: the same title twice on a line reads as a glitch.
  const shown = new Set<string>();
  for (const claim of claims) {
    const range = document.lines.rangeOf(claim);
    const label = sourceLabel(claim);
    const key = `${range.start.line}\u0000${claim.attribution && label ? label : ''}`;
    if (shown.has(key)) continue;
    shown.add(key);
    if (claim.attribution && label) {
      lenses.push({
        range,
        command: {
          title: label,
          command: Commands.revealRange,
          arguments: [document.uri, document.lines.rangeOf(claim.attribution.source)],
        },
      });
    } else {
      lenses.push({
        range,
        command: { title: 'Unattributed - tag a source', command: Commands.showSourceFixes, arguments: [document.uri, range] },
      });
    }
  }
  return lenses;
}
