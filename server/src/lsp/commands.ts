// workspace/executeCommand: `newslens.insertSourceTag`, which the client runs after asking the editor
// for a source name ("Tag source..."). The server owns the tag syntax and where the tag goes, so it
// builds the edit and asks the client to apply it (workspace/applyEdit); the user can undo it like any
// edit. Arguments come from the client and are checked, never trusted.

import { Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { InsertSourceTagArgs } from './protocol';
import { cleanSourceName, findClaim, sourceTagEdit, workspaceEdit } from './sourceTags';
import { IndexedDocument } from './workspaceIndex';

function isInsertSourceTagArgs(value: unknown): value is InsertSourceTagArgs {
  const v = value as Partial<InsertSourceTagArgs> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.uri === 'string' &&
    typeof v.claimId === 'string' &&
    typeof v.claimText === 'string' &&
    typeof v.source === 'string'
  );
}

export interface InsertSourceTagDeps {
  connection: Connection;
  /** The current analysis of an open document. */
  current: (uri: string) => IndexedDocument | undefined;
  versionedEdits: boolean;
}

/** A plain window/showMessage notification: nothing to answer, unlike the request the helpers send. */
function tell(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}

/** Returns whether the edit was applied; every refusal is explained to the user. */
export async function insertSourceTag(args: unknown, deps: InsertSourceTagDeps): Promise<boolean> {
  const { connection } = deps;
  if (!isInsertSourceTagArgs(args)) {
    connection.console.error(`newslens.insertSourceTag: unexpected arguments ${JSON.stringify(args)}`);
    return false;
  }
  const name = cleanSourceName(args.source);
  if (!name) return false; // the editor left the name empty: nothing to tag
  const document = deps.current(args.uri);
  if (!document || document.skipped) {
    tell(connection, MessageType.Warning, 'NewsLens: the article is no longer open, so it was not tagged.');
    return false;
  }
  const claim = findClaim(document, args);
  if (!claim) {
    tell(connection, MessageType.Warning, 'NewsLens: the claim changed since the quick fix was offered; run it again.');
    return false;
  }
  if (claim.attribution) {
    tell(connection, MessageType.Info, `NewsLens: the claim is already attributed to ${claim.attribution.source.text}.`);
    return false;
  }
  const edit = sourceTagEdit(document, claim, name);
  if (!edit) return false;
  const result = await connection.workspace.applyEdit({
    label: `Tag source: ${name}`,
    edit: workspaceEdit(document, [edit], deps.versionedEdits),
  });
  if (!result.applied) connection.console.warn(`the client did not apply the source tag: ${result.failureReason ?? 'no reason given'}`);
  return result.applied;
}
