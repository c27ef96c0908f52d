// The lines NewsLens writes to its output as it starts: how long its code took to load, when the
// language server answered, and when the first diagnostics of an open article arrived. They tell a
// user why the first squiggles took a while, and `npm run bench` reads them back from a real VS Code.
// Plain values in, text out, so the wording is tested without VS Code.

export class StartupTimes {
  private firstDiagnosticsDone = false;
  /** When documents opened after activation were opened, by URI. */
  private readonly openedAt = new Map<string, number>();

  /** Times in ms on one clock (performance.now() in the extension host). */
  constructor(
    private readonly bundleStartedAt: number,
    private readonly activatedAt: number,
  ) {}

  /** Whether the first diagnostics of an open document are still to come (the only ones timed). */
  get awaitsFirstDiagnostics(): boolean {
    return !this.firstDiagnosticsDone;
  }

  documentOpened(uri: string, now: number): void {
    if (!this.firstDiagnosticsDone) this.openedAt.set(uri, now);
  }

  /** The line for the language server's initialize answer having arrived. */
  serverReady(now: number): string {
    return `NewsLens started: code loaded in ${ms(this.activatedAt - this.bundleStartedAt)}, language server ready ${ms(now - this.activatedAt)} after activation`;
  }

  /**
   * The line for diagnostics arriving for `uri`, an open document, if they are the first such; else
   * undefined. A document opened before activation is timed from activation.
   */
  diagnosticsArrived(uri: string, now: number): string | undefined {
    if (this.firstDiagnosticsDone) return undefined;
    this.firstDiagnosticsDone = true;
    const opened = this.openedAt.get(uri);
    this.openedAt.clear();
    const sinceOpened = opened === undefined ? '' : `, ${ms(now - opened)} after it was opened`;
    return `NewsLens first diagnostics of an open article ${ms(now - this.activatedAt)} after activation${sinceOpened}`;
  }
}

/** Whole milliseconds, the unit `npm run bench` parses back. */
function ms(value: number): string {
  return `${Math.max(0, Math.round(value))} ms`;
}

/** What the start-up lines in an output log say, in ms; a part the log does not have yet is absent. */
export interface StartupReading {
  codeLoadedMs?: number;
  serverReadyMs?: number;
  firstDiagnosticsMs?: number;
  /** Only when the article was opened after activation. */
  firstDiagnosticsSinceOpenedMs?: number;
}

/** Reads back the first start-up lines of the text of a NewsLens output log (as VS Code saves it). */
export function readStartupLines(log: string): StartupReading {
  const reading: StartupReading = {};
  const started = /NewsLens started: code loaded in (\d+) ms, language server ready (\d+) ms after activation/.exec(log);
  if (started) {
    reading.codeLoadedMs = Number(started[1]);
    reading.serverReadyMs = Number(started[2]);
  }
  const first = /NewsLens first diagnostics of an open article (\d+) ms after activation(?:, (\d+) ms after it was opened)?/.exec(log);
  if (first) {
    reading.firstDiagnosticsMs = Number(first[1]);
    if (first[2] !== undefined) reading.firstDiagnosticsSinceOpenedMs = Number(first[2]);
  }
  return reading;
}
