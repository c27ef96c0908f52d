// The same features as the protocol tests, through the VS Code API: what an editor sees with the
// extension installed. Runs in the extension host on the workspace test/vscode/run.ts writes.

import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const workspace = process.env.NEWSLENS_TEST_WORKSPACE ?? vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
const alpha = vscode.Uri.file(path.join(workspace, 'alpha.news'));
const beta = vscode.Uri.file(path.join(workspace, 'beta.txt'));

/** Resolves when the diagnostics of a document satisfy the predicate (checked now and on every change). */
function diagnosticsWhere(uri: vscode.Uri, predicate: (d: vscode.Diagnostic[]) => boolean, timeoutMs = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = vscode.languages.getDiagnostics(uri);
      if (predicate(current)) {
        done();
        resolve(current);
      }
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      reject(new Error(`timed out waiting for diagnostics of ${uri.fsPath}: ${JSON.stringify(vscode.languages.getDiagnostics(uri))}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
    };
    check();
  });
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);
const hasCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);

function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = document.getText().indexOf(needle, at + 1);
  assert.ok(at >= 0, `"${needle}" not found`);
  return document.positionAt(at);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('NewsLens in VS Code', function () {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(alpha);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens .news files in the article language and activates', async () => {
    assert.strictEqual(document.languageId, 'newslens');
    const extension = vscode.extensions.all.find((e) => e.packageJSON.name === 'newslens');
    assert.ok(extension, 'the extension is loaded');
    await diagnosticsWhere(alpha, (d) => d.length > 0);
    assert.ok(extension.isActive);
  });

  it('warns about a figure that conflicts with an article that is not open', async () => {
    const diagnostics = await diagnosticsWhere(alpha, hasCode('casualty-conflict'));
    const conflict = diagnostics.find((d) => codeOf(d) === 'casualty-conflict')!;
    assert.strictEqual(conflict.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(conflict.message, 'Killed: at least 12 (activists) conflicts with 5 (Syrian state television) in beta.txt');
    assert.strictEqual(document.getText(conflict.range), 'killing at least 12 people');
    assert.strictEqual(conflict.relatedInformation?.[0].location.uri.fsPath, beta.fsPath);
    const unattributed = diagnostics.find((d) => codeOf(d) === 'unattributed-claim')!;
    assert.strictEqual(unattributed.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(document.getText(unattributed.range), 'Four soldiers were killed');
  });

  it('shows entity cards and figure hovers', async () => {
    const observatory = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', alpha, positionOf(document, 'Syrian Observatory').translate(0, 2));
    assert.match(hoverText(observatory), /^\*\*Syrian Observatory for Human Rights\*\* · organization/);
    const figure = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider', alpha, positionOf(document, 'at least 12').translate(0, 1));
    assert.match(hoverText(figure), /\*\*at least 12\*\* · 12\.\.∞/);
    assert.match(hoverText(figure), /Source: activists \(according to\)/);
  });

  it('shows a summary lens and a source lens per claim', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', alpha, 10);
    assert.deepStrictEqual(
      lenses.map((l) => l.command?.title),
      [
        '3 claims - 2 sourced - 1 conflict',
        'Source: activists (according to)',
        'Source: The Syrian Observatory for Human Rights (said)',
        'Unattributed - tag a source',
      ],
    );
    // The source lens reveals the attribution.
    const source = lenses[1].command!;
    await vscode.commands.executeCommand(source.command, ...(source.arguments ?? []));
    assert.strictEqual(document.getText(vscode.window.activeTextEditor!.selection), 'activists');
  });

  it('outlines the article and finds actors and references across the workspace', async () => {
    const outline = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', alpha);
    assert.deepStrictEqual(outline.map((s) => s.name), ['Casualty claims', 'Actors', 'Places']);
    const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'observatory');
    assert.deepStrictEqual(
      symbols.filter((s) => s.name === 'Syrian Observatory for Human Rights').map((s) => path.basename(s.location.uri.fsPath)).sort(),
      ['alpha.news', 'beta.txt'],
    );
    const references = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider', alpha, positionOf(document, 'Syrian Observatory').translate(0, 2));
    assert.deepStrictEqual(references.map((l) => path.basename(l.uri.fsPath)), ['alpha.news', 'beta.txt']);
  });

  it('tags a source with a quick fix, and the lens then says "(tagged)"', async () => {
    const diagnostics = await diagnosticsWhere(alpha, hasCode('unattributed-claim'));
    const unattributed = diagnostics.find((d) => codeOf(d) === 'unattributed-claim')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', alpha, unattributed.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.strictEqual(titles[0], 'Tag source: activists');
    assert.strictEqual(titles[titles.length - 1], 'Tag source...');
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.ok(document.getText().includes('near Khan Sheikhoun. {>>source: activists<<}'));
    await diagnosticsWhere(alpha, (d) => !hasCode('unattributed-claim')(d));
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', alpha, 10);
    assert.strictEqual(lenses[lenses.length - 1].command?.title, 'Source: activists (tagged)');
    assert.strictEqual(lenses[0].command?.title, '3 claims - 3 sourced - 1 conflict');
  });

  it('"Tag source..." inserts the name it is given through the server command', async () => {
    // Back to the text on disk, where the claim is unattributed again.
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const diagnostics = await diagnosticsWhere(alpha, hasCode('unattributed-claim'));
    const unattributed = diagnostics.find((d) => codeOf(d) === 'unattributed-claim')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', alpha, unattributed.range, vscode.CodeActionKind.QuickFix.value);
    const prompt = actions[actions.length - 1].command!;
    // The second argument stands in for what the user types in the input box.
    await vscode.commands.executeCommand(prompt.command, ...(prompt.arguments ?? []), 'army medics');
    await diagnosticsWhere(alpha, (d) => !hasCode('unattributed-claim')(d));
    assert.ok(document.getText().includes('near Khan Sheikhoun. {>>source: army medics<<}'));
  });
});
