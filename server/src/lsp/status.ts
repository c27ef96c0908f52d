// The `newslens/status` notification behind the client's status bar item: indexing progress, then the
// number of articles and conflicts. Both counts are kept by the index as it changes, so a status costs
// nothing to make; updates are still throttled because a large workspace changes the counts thousands
// of times while it is indexed, and each one is a message to the client.

import { Connection } from 'vscode-languageserver';
import { STATUS_NOTIFICATION, StatusParams } from './protocol';
import { WorkspaceIndex } from './workspaceIndex';

const THROTTLE_MS = 150;

export class StatusReporter {
  /** Starts as indexing: nothing may report 'ready' before the first pass over the workspace ends. */
  private indexing: { indexed: number; total: number } | null = { indexed: 0, total: 0 };
  private timer: NodeJS.Timeout | undefined;
  private lastSent = '';

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
  ) {}

  indexingProgress(indexed: number, total: number): void {
    this.indexing = { indexed, total };
    this.changed();
  }

  indexingDone(): void {
    this.indexing = null;
    this.changed();
  }

  /** The index changed; a status follows within THROTTLE_MS. */
  changed(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.send();
    }, THROTTLE_MS);
  }

  private send(): void {
    const params: StatusParams = {
      state: this.indexing ? 'indexing' : 'ready',
      articles: this.index.articleCount,
      conflicts: this.index.conflictCount(),
    };
    if (this.indexing) {
      params.indexed = this.indexing.indexed;
      params.total = this.indexing.total;
    }
    const text = JSON.stringify(params);
    if (text === this.lastSent) return;
    this.lastSent = text;
    void this.connection.sendNotification(STATUS_NOTIFICATION, params);
  }
}
