// The `newslens.*` settings: their defaults, validation, and where the server gets them from.
//
// Settings are read as one workspace-wide object because the index is workspace-wide: a conflict
// between two articles must not depend on which folder's settings were asked. Clients that answer
// workspace/configuration are asked; other clients may pass the same object as initializationOptions
// or in workspace/didChangeConfiguration. Anything malformed falls back to its default rather than
// stopping the server.

import { Connection } from 'vscode-languageserver';
import { Severity } from '../engine';

export interface DiagnosticSetting {
  enabled: boolean;
  severity: Severity;
}

export interface NewsLensSettings {
  files: {
    /** Globs (relative to a workspace folder) of the files that are analysed. */
    include: string[];
    /** Files larger than this are not analysed. */
    maxSizeKB: number;
  };
  diagnostics: {
    conflicts: DiagnosticSetting;
    unattributed: DiagnosticSetting;
  };
  analysis: {
    /** Delay between the last keystroke and re-analysis of an open document. */
    debounceMs: number;
    /** Worker threads that index the workspace; 0 picks one per available core. */
    workers: number;
  };
}

export const DEFAULT_SETTINGS: NewsLensSettings = {
  files: { include: ['**/*.news', '**/*.txt', '**/*.md'], maxSizeKB: 1024 },
  diagnostics: {
    conflicts: { enabled: true, severity: 'warning' },
    unattributed: { enabled: true, severity: 'information' },
  },
  analysis: { debounceMs: 300, workers: 0 },
};

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function diagnosticSetting(raw: unknown, fallback: DiagnosticSetting): DiagnosticSetting {
  const r = record(raw);
  return {
    enabled: typeof r.enabled === 'boolean' ? r.enabled : fallback.enabled,
    severity: SEVERITIES.includes(r.severity as Severity) ? (r.severity as Severity) : fallback.severity,
  };
}

function boundedNumber(raw: unknown, fallback: number, min: number, max: number): number {
  return typeof raw === 'number' && Number.isFinite(raw) ? Math.max(min, Math.min(max, raw)) : fallback;
}

/** Turns whatever the client sent for the `newslens` section into complete, valid settings. */
export function normalizeSettings(raw: unknown): NewsLensSettings {
  const r = record(raw);
  const files = record(r.files);
  const diagnostics = record(r.diagnostics);
  const analysis = record(r.analysis);
  const include = Array.isArray(files.include)
    ? files.include.filter((g): g is string => typeof g === 'string' && g.trim() !== '')
    : DEFAULT_SETTINGS.files.include;
  return {
    files: {
      include,
      maxSizeKB: boundedNumber(files.maxSizeKB, DEFAULT_SETTINGS.files.maxSizeKB, 1, 1024 * 1024),
    },
    diagnostics: {
      conflicts: diagnosticSetting(diagnostics.conflicts, DEFAULT_SETTINGS.diagnostics.conflicts),
      unattributed: diagnosticSetting(diagnostics.unattributed, DEFAULT_SETTINGS.diagnostics.unattributed),
    },
    analysis: {
      debounceMs: boundedNumber(analysis.debounceMs, DEFAULT_SETTINGS.analysis.debounceMs, 0, 10_000),
      workers: Math.floor(boundedNumber(analysis.workers, DEFAULT_SETTINGS.analysis.workers, 0, 64)),
    },
  };
}

/** Holds the current settings and refreshes them from the client. */
export class SettingsStore {
  private value: NewsLensSettings = DEFAULT_SETTINGS;
  private pullSupported = false;

  constructor(private readonly connection: Connection) {}

  get current(): NewsLensSettings {
    return this.value;
  }

  /**
   * Called on initialize. `initializationOptions` may hold the settings, either as the `newslens` object
   * or under a `newslens` key; `pullSupported` tells whether the client answers workspace/configuration.
   */
  initialize(initializationOptions: unknown, pullSupported: boolean): void {
    const options = record(initializationOptions);
    this.value = normalizeSettings(options.newslens ?? options);
    this.pullSupported = pullSupported;
  }

  /**
   * Re-reads the settings. `pushed` is the `settings` payload of workspace/didChangeConfiguration, used
   * only by clients that cannot be asked. Resolves to true when anything changed.
   */
  async refresh(pushed?: unknown): Promise<boolean> {
    let raw: unknown;
    if (this.pullSupported) {
      try {
        raw = await this.connection.workspace.getConfiguration('newslens');
      } catch (error) {
        this.connection.console.warn(`could not read the newslens settings, keeping the current ones: ${String(error)}`);
        return false;
      }
    } else if (pushed !== undefined) {
      raw = record(pushed).newslens;
    } else {
      return false;
    }
    // A client with nothing configured answers null: keep what initializationOptions said.
    if (raw === null || raw === undefined) return false;
    const next = normalizeSettings(raw);
    const changed = JSON.stringify(next) !== JSON.stringify(this.value);
    this.value = next;
    return changed;
  }
}
