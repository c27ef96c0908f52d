// Quick fixes for unattributed claims: "Tag source: <candidate>" for each source the article offers,
// and "Tag source..." which asks the editor for a name (a client command, then the server's
// newslens.insertSourceTag). One set of fixes per sentence, because one tag attributes every claim of
// the sentence before it.

import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic } from 'vscode-languageserver';
import { CasualtyClaim } from '../engine';
import { DiagnosticData } from './diagnostics';
import { ClaimRef, Commands } from './protocol';
import { sourceCandidates, sourceTagEdit, workspaceEdit } from './sourceTags';
import { IndexedDocument } from './workspaceIndex';

function wantsQuickFixes(only: string[] | undefined): boolean {
  if (!only || only.length === 0) return true;
  return only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`));
}

/** The unattributed-claim diagnostic the editor sent for this claim, so the fix is linked to it. */
function diagnosticOf(claim: CasualtyClaim, diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter(
    (d) => d.code === 'unattributed-claim' && (d.data as DiagnosticData | undefined)?.claimId === claim.id,
  );
}

export function codeActions(document: IndexedDocument, params: CodeActionParams, versionedEdits: boolean): CodeAction[] {
  if (!wantsQuickFixes(params.context.only)) return [];
  const { start, end } = document.lines.offsetsOf(params.range);
  const unattributed = document.analysis.claims.filter(
    (c) => c.attribution === null && c.start <= end && start <= c.end,
  );
  if (unattributed.length === 0) return [];

  // Claims of one sentence share one tag.
  const bySentence = new Map<number, CasualtyClaim[]>();
  for (const claim of unattributed) {
    const list = bySentence.get(claim.sentence.end);
    if (list) list.push(claim);
    else bySentence.set(claim.sentence.end, [claim]);
  }
  const candidates = sourceCandidates(document.analysis);
  const actions: CodeAction[] = [];
  for (const claims of bySentence.values()) {
    const first = claims[0];
    const suffix = bySentence.size > 1 ? ` (line ${document.lines.lineNumberAt(first.start)})` : '';
    const diagnostics = claims.flatMap((c) => diagnosticOf(c, params.context.diagnostics));
    for (const name of candidates) {
      const edit = sourceTagEdit(document, first, name);
      if (!edit) continue;
      actions.push({
        title: `Tag source: ${name}${suffix}`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        edit: workspaceEdit(document, [edit], versionedEdits),
      });
    }
    const ref: ClaimRef = { uri: document.uri, version: document.version, claimId: first.id, claimText: first.text };
    actions.push({
      title: `Tag source...${suffix}`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      command: { title: 'Tag source...', command: Commands.tagSourcePrompt, arguments: [ref] },
    });
  }
  return actions;
}
