// The status bar item: "indexing 12/40" while the server reads the workspace, then the number of
// articles and of conflicting casualty figures. Fed by the server's `newslens/status` notification.

import * as vscode from 'vscode';
import { Commands, StatusParams } from '../../server/src/lsp/protocol';

function plural(n: number, word: string): string {
  return `${n.toLocaleString()} ${word}${n === 1 ? '' : 's'}`;
}

export class NewsLensStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('newslens.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'NewsLens';
    this.item.command = Commands.showProblems;
    this.starting();
    this.item.show();
  }

  starting(): void {
    this.item.text = '$(sync~spin) NewsLens';
    this.item.tooltip = 'NewsLens: starting the language server';
    this.item.backgroundColor = undefined;
  }

  stopped(): void {
    this.item.text = '$(circle-slash) NewsLens';
    this.item.tooltip = 'NewsLens: the language server is not running (see the NewsLens output)';
    this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
  }

  update(status: StatusParams): void {
    this.item.backgroundColor = undefined;
    if (status.state === 'indexing') {
      const progress = status.total ? ` ${status.indexed ?? 0}/${status.total}` : '';
      this.item.text = `$(sync~spin) NewsLens: indexing${progress}`;
      this.item.tooltip = 'NewsLens is reading and analysing the articles of the workspace';
      return;
    }
    const conflicts = status.conflicts > 0 ? ` $(warning) ${plural(status.conflicts, 'conflict')}` : '';
    this.item.text = `$(book) ${plural(status.articles, 'article')}${conflicts}`;
    this.item.tooltip =
      `NewsLens: ${plural(status.articles, 'article')} indexed, ` +
      `${plural(status.conflicts, 'conflicting pair')} of casualty figures. Click to open the Problems view.`;
  }

  dispose(): void {
    this.item.dispose();
  }
}
