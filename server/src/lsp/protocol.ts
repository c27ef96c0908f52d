// Names shared by the server and the VS Code client: the custom notification, the commands and the
// diagnostic codes the server adds to the engine's. The client bundles this file too, so it imports
// nothing.

/** Diagnostic `source` of everything the server publishes. */
export const DIAGNOSTIC_SOURCE = 'newslens';

/** Language id of the article language (files ending in `.news`). */
export const ARTICLE_LANGUAGE_ID = 'newslens';

/**
 * Server -> client notification `newslens/status`: what the status bar shows. Sent while the workspace
 * is being indexed and whenever the number of articles or conflicts changes.
 */
export const STATUS_NOTIFICATION = 'newslens/status';

export interface StatusParams {
  /** 'indexing' while the workspace folders are being read and analysed, 'ready' after. */
  state: 'indexing' | 'ready';
  /** Articles in the index (open documents and files on disk). */
  articles: number;
  /** Conflicting claim pairs across the whole index. */
  conflicts: number;
  /** While indexing: files analysed so far and files found. */
  indexed?: number;
  total?: number;
}

/** Commands. The server executes the first; the client implements the others. */
export const Commands = {
  /**
   * Server command (workspace/executeCommand): inserts a source tag after a claim's sentence through a
   * workspace/applyEdit request. Arguments: one `InsertSourceTagArgs`.
   */
  insertSourceTag: 'newslens.insertSourceTag',
  /** Client command: asks for a source name, then runs `insertSourceTag`. Arguments: one `ClaimRef`. */
  tagSourcePrompt: 'newslens.tagSourcePrompt',
  /** Client command: shows the quick fixes of an unattributed claim. Arguments: uri, LSP range. */
  showSourceFixes: 'newslens.showSourceFixes',
  /** Client command: selects and reveals a range (a claim's attribution). Arguments: uri, LSP range. */
  revealRange: 'newslens.revealRange',
  /** Client command: opens the Problems view (the summary lens). No arguments. */
  showProblems: 'newslens.showProblems',
} as const;

/** Identifies a claim of one version of an open document. */
export interface ClaimRef {
  uri: string;
  /** Document version the claim was read from. */
  version: number | null;
  /** Engine claim id ("c3"). */
  claimId: string;
  /** The claim's text, to find it again when the document changed since. */
  claimText: string;
}

export interface InsertSourceTagArgs extends ClaimRef {
  /** The source to write into the tag, as the editor typed it. */
  source: string;
}

/** Codes the server adds for documents it does not analyse. */
export const SkipCodes = {
  tooLarge: 'file-too-large',
  binary: 'binary-content',
  /** The engine threw on this text: a bug to report, shown rather than crashing the server. */
  analysisFailed: 'analysis-failed',
} as const;
