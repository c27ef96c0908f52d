// The life of a document the editor has open: analysed at once when opened, re-analysed after a pause
// in typing (newslens.analysis.debounceMs), and handed back to the disk version when closed.
//
// An open document always wins over its file on disk: the indexer checks `isOpen` before and after
// reading a file. Requests (lenses, actions, ...) call `current`, which runs a pending analysis at once,
// so an answer is never computed from an older version than the one the request's positions refer to.
// Hovers are the exception: they go first to `earlierAnalysis`, and answer from the version before the
// edit wherever the edit changed nothing, mapping positions across it.

import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyseArticle } from './analysis';
import { ArticleScope } from './articleFiles';
import { DiagnosticsPublisher } from './diagnostics';
import { changeBetween, TextChange } from './textChange';
import { documentKey, uriToPath } from './uris';
import { IndexedDocument, WorkspaceIndex } from './workspaceIndex';

export interface OpenDocumentsDeps {
  documents: TextDocuments<TextDocument>;
  index: WorkspaceIndex;
  publisher: DiagnosticsPublisher;
  scope: () => ArticleScope;
  debounceMs: () => number;
  /** Resolves once the settings have been read; analyses wait for it. */
  ready: Promise<void>;
  /** Puts the disk version of a closed file back into the index (or forgets it). */
  revertToDisk: (fsPath: string) => void;
  indexChanged: () => void;
  log: (message: string) => void;
}

export class OpenDocuments {
  /** URI -> how to call off its queued analysis. */
  private readonly timers = new Map<string, () => void>();
  /** Canonical key -> the client's URI, for every open document. */
  private readonly openKeys = new Map<string, string>();
  /** Documents whose didOpen was just handled: the change event that follows it is the open itself. */
  private readonly justOpened = new Set<string>();
  /** URI -> the text the document's index entry was analysed from, and the size limit it was held to. */
  private readonly analysedTexts = new Map<string, { text: string; maxSizeKB: number }>();

  constructor(private readonly deps: OpenDocumentsDeps) {
    const { documents } = deps;
    documents.onDidOpen(({ document }) => {
      this.openKeys.set(documentKey(document.uri), document.uri);
      this.justOpened.add(document.uri);
      this.schedule(document.uri, 0); // a newly opened article is analysed at once
    });
    documents.onDidChangeContent(({ document }) => {
      // TextDocuments fires this right after onDidOpen too; that analysis is queued already.
      if (this.justOpened.delete(document.uri)) return;
      this.schedule(document.uri, deps.debounceMs());
    });
    documents.onDidClose(({ document }) => this.closed(document.uri));
  }

  /** Whether the editor has the document with this canonical key open. */
  isOpen(key: string): boolean {
    return this.openKeys.has(key);
  }

  /**
   * The index entry of an open document, analysed from the version the editor has now, or undefined
   * when the document is not open or not an article.
   */
  current(uri: string): IndexedDocument | undefined {
    const document = this.deps.documents.get(uri);
    if (!document) return undefined;
    const key = documentKey(uri);
    if (!this.isAnalysed(document)) {
      this.cancel(uri);
      this.analyseNow(document);
    }
    const indexed = this.deps.index.get(key);
    return indexed && indexed.origin === 'open' && indexed.version === document.version ? indexed : undefined;
  }

  /**
   * While the editor's version of an open document waits for its analysis: the analysis of the version
   * before, with the region the edit changed, so a hover can answer at once where the edit changed
   * nothing. Undefined when the analysis is current, or there is none to go by.
   */
  earlierAnalysis(uri: string): { earlier: IndexedDocument; change: TextChange; current: TextDocument } | undefined {
    const current = this.deps.documents.get(uri);
    const before = this.analysedTexts.get(uri)?.text;
    if (!current || before === undefined || this.isAnalysed(current)) return undefined;
    const earlier = this.deps.index.get(documentKey(uri));
    if (!earlier || earlier.origin !== 'open' || earlier.skipped) return undefined;
    const change = changeBetween(before, current.getText());
    return change ? { earlier, change, current } : undefined;
  }

  /**
   * Re-analyses every open document now, whatever version was analysed: called when the settings
   * change which files are articles or how large they may be.
   */
  reanalyseAll(): void {
    for (const document of this.deps.documents.all()) {
      this.cancel(document.uri);
      this.analyseNow(document);
    }
  }

  /** Whether an open article's current version waits for its analysis (a request for it would run one). */
  needsAnalysis(uri: string): boolean {
    const document = this.deps.documents.get(uri);
    return document !== undefined && !this.isAnalysed(document) && this.deps.scope().includesDocument(uri, document.languageId);
  }

  private isAnalysed(document: TextDocument): boolean {
    const indexed = this.deps.index.get(documentKey(document.uri));
    return indexed !== undefined && indexed.origin === 'open' && indexed.version === document.version;
  }

  private schedule(uri: string, delayMs: number): void {
    this.cancel(uri);
    const run = () => {
      this.timers.delete(uri);
      // The settings decide which files are articles and how large they may be: wait for them.
      void this.deps.ready.then(() => {
        const latest = this.deps.documents.get(uri);
        if (!latest || this.timers.has(uri) || this.isAnalysed(latest)) return; // closed, re-queued or done
        try {
          this.analyseNow(latest);
          // Published at once: the next turn of the event loop may begin with other work (messages that
          // arrived meanwhile, timers, the collector's deferred tasks) that the editor need not wait for.
          // A request that makes the analysis (see `current`) answers first and publishes on the next turn.
          this.deps.publisher.flush();
        } catch (error) {
          this.deps.log(`analysing ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
        }
      });
    };
    // Node's setTimeout waits at least 1 ms even when asked for 0, a tenth of what an analysis costs:
    // with no delay to wait for (an article just opened, the debounce off), the next turn of the event
    // loop will do.
    if (delayMs > 0) {
      const timer = setTimeout(run, delayMs);
      this.timers.set(uri, () => clearTimeout(timer));
    } else {
      const immediate = setImmediate(run);
      this.timers.set(uri, () => clearImmediate(immediate));
    }
  }

  private cancel(uri: string): void {
    this.timers.get(uri)?.();
    this.timers.delete(uri);
  }

  private analyseNow(document: TextDocument): void {
    const { index, publisher, scope } = this.deps;
    const key = documentKey(document.uri);
    if (!scope().includesDocument(document.uri, document.languageId)) {
      // Not (or no longer) an article: forget an earlier analysis of it and its diagnostics.
      this.analysedTexts.delete(document.uri);
      if (index.get(key)?.origin === 'open') {
        publisher.schedule(index.remove(key));
        publisher.clear(document.uri);
        this.deps.indexChanged();
      }
      return;
    }
    const version = document.version;
    const text = document.getText();
    const { maxSizeKB } = scope();
    const earlier = index.get(key);
    const analysed = this.analysedTexts.get(document.uri);
    if (earlier?.origin === 'open' && earlier.version !== version && analysed?.text === text && analysed.maxSizeKB === maxSizeKB) {
      // Edited back to the text last analysed (a character typed and deleted within the debounce, an
      // undo): the engine would say the same again, so only the version is new.
      index.renumber(key, version);
      publisher.schedule([key]);
      return;
    }
    const indexed = analyseArticle({ key, uri: document.uri, origin: 'open', version, text }, maxSizeKB, this.deps.log);
    if (indexed.skipped && indexed.skipped.code !== 'analysis-failed') {
      this.deps.log(`skipped ${document.uri}: ${indexed.skipped.message}`);
    }
    // Analysis is synchronous today, so the document cannot change under it; the check keeps results
    // honest should analysis ever yield (a worker, an awaited resource).
    const latest = this.deps.documents.get(document.uri);
    if (!latest || latest.version !== version) return;
    this.analysedTexts.set(document.uri, { text, maxSizeKB });
    publisher.schedule([key, ...index.set(indexed)]);
    this.deps.indexChanged();
  }

  private closed(uri: string): void {
    this.cancel(uri);
    this.justOpened.delete(uri);
    this.analysedTexts.delete(uri);
    const key = documentKey(uri);
    this.openKeys.delete(key);
    this.deps.publisher.clear(uri); // whatever was published, nothing stays behind for a closed document
    const indexed = this.deps.index.get(key);
    if (!indexed || indexed.origin !== 'open') return;
    // The editor may close without saving: what counts from now on is the file on disk, if any.
    const fsPath = uriToPath(uri);
    const scope = this.deps.scope();
    if (fsPath !== null && scope.inFolders(fsPath) && scope.includesPath(fsPath)) {
      this.deps.revertToDisk(fsPath);
    } else {
      this.deps.publisher.schedule(this.deps.index.remove(key));
      this.deps.indexChanged();
    }
  }
}
