// Client-side commands behind the server's code lenses and quick fixes. They do what only the editor
// can: reveal a range, open the quick-fix menu, ask the user for a name. The source tag itself is
// inserted by the server's `newslens.insertSourceTag` command, so the tag syntax lives in one place.

import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import * as lsp from 'vscode-languageclient/node';
import { ClaimRef, Commands, InsertSourceTagArgs } from '../../server/src/lsp/protocol';

async function showRange(client: LanguageClient, uri: string, range: lsp.Range): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(client.protocol2CodeConverter.asUri(uri));
  const editor = await vscode.window.showTextDocument(document);
  const target = client.protocol2CodeConverter.asRange(range);
  editor.selection = new vscode.Selection(target.start, target.end);
  editor.revealRange(target, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(Commands.revealRange, async (uri: string, range: lsp.Range) => {
      await showRange(client, uri, range);
    }),
    vscode.commands.registerCommand(Commands.showSourceFixes, async (uri: string, range: lsp.Range) => {
      const editor = await showRange(client, uri, range);
      // Put the caret on the claim so the quick-fix menu offers its source tags.
      editor.selection = new vscode.Selection(editor.selection.start, editor.selection.start);
      await vscode.commands.executeCommand('editor.action.quickFix');
    }),
    vscode.commands.registerCommand(Commands.tagSourcePrompt, async (ref: ClaimRef, presetName?: string) => {
      const name =
        presetName ??
        (await vscode.window.showInputBox({
          title: 'Tag source',
          prompt: `Who is the source of "${ref.claimText}"?`,
          placeHolder: 'activists, state TV, the Interior Ministry, ...',
          validateInput: (value) => (value.trim() ? undefined : 'Type the name of the source'),
        }));
      if (!name || !name.trim()) return false;
      const args: InsertSourceTagArgs = { ...ref, source: name };
      // Registered by the language client from the server's executeCommandProvider.
      return vscode.commands.executeCommand(Commands.insertSourceTag, args);
    }),
    vscode.commands.registerCommand(Commands.showProblems, () =>
      vscode.commands.executeCommand('workbench.actions.view.problems'),
    ),
    vscode.commands.registerCommand('newslens.restartServer', () => client.restart()),
    vscode.commands.registerCommand('newslens.showOutput', () => client.outputChannel.show(true)),
  ];
}
