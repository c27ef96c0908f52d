// The `newslens` command line: `analyze` over files and folders, and `lsp --stdio` for editors.

import { checkCorpusStream, CorpusDocumentCheck, CorpusSource, EngineDiagnostic } from '../engine';
import { packageVersion, sharedAnalyzer } from '../node/resources';
import { collectArticleFiles, InputError, readArticle } from './files';
import { writeCorpusJsonReport } from './jsonReport';
import { ReportBodies, SpillError } from './reportBodies';
import { LineIndex } from './lines';

const USAGE = `Usage:
  newslens analyze [--format text|json] [--fail-on-conflict] <file-or-folder>...
  newslens lsp --stdio
  newslens --version | --help

analyze  reads .txt, .md and .news articles (folders recursively) as one corpus, so figures are
         checked across articles as well as within each; prints diagnostics (text) or the full
         analysis (json). Exit code 0 on success, 1 when --fail-on-conflict is given and a conflict
         was found, 2 on bad usage or unreadable input.
lsp      starts the language server on standard input and output.`;

interface Output {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: Output = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
};

class UsageError extends Error {}

export async function main(argv: string[], io: Output = processOutput): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
      io.out(`newslens ${packageVersion()}\n`);
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (command === 'analyze') return runAnalyze(rest, io);
    if (command === 'lsp') return runLanguageServer(rest);
    throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`newslens: ${err.message}\n${USAGE}\n`);
      return 2;
    }
    if (err instanceof InputError || err instanceof SpillError) {
      io.err(`newslens: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

interface AnalyzeOptions {
  format: 'text' | 'json';
  failOnConflict: boolean;
  paths: string[];
}

function parseAnalyzeArgs(args: string[]): AnalyzeOptions {
  const options: AnalyzeOptions = { format: 'text', failOnConflict: false, paths: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice('--format='.length) : args[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError(`--format must be "text" or "json", not "${value ?? ''}"`);
      options.format = value;
    } else if (arg === '--fail-on-conflict') {
      options.failOnConflict = true;
    } else if (arg === '--') {
      options.paths.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      options.paths.push(arg);
    }
  }
  if (options.paths.length === 0) throw new UsageError('analyze needs at least one file or folder');
  return options;
}

function runAnalyze(args: string[], io: Output): number {
  const options = parseAnalyzeArgs(args);
  const files = collectArticleFiles(options.paths);
  const warned = new Set<string>();
  // Files are read once per pass rather than held: an archive can be larger than memory.
  const source: CorpusSource = {
    ids: files,
    text(file) {
      const read = readArticle(file);
      if (read.ok) return read.text;
      if (!warned.has(file)) io.err(`newslens: warning: ${file}: skipped, ${read.reason}\n`);
      warned.add(file);
      return null;
    },
  };
  const analyzer = sharedAnalyzer();
  let conflicts = false;
  const note = (diagnostics: readonly EngineDiagnostic[]) => {
    if (diagnostics.some((d) => d.code === 'casualty-conflict')) conflicts = true;
  };
  // Each report analyses every document once. The text report needs a document's diagnostics and
  // claim counts; the JSON report writes the rest of a document's JSON in the first pass and keeps it
  // (in memory up to a budget, then in a temporary file) until the conflicts are known.
  if (options.format === 'json') {
    const bodies = new ReportBodies();
    try {
      writeCorpusJsonReport(analyzer, source, bodies, packageVersion(), io.out, note);
    } finally {
      bodies.close();
    }
  } else {
    const documents = (function* () {
      for (const r of checkCorpusStream(analyzer, source)) {
        note(r.diagnostics);
        yield r;
      }
    })();
    writeTextReport(documents, io.out);
  }
  return options.failOnConflict && conflicts ? 1 : 0;
}

function writeTextReport(results: Iterable<CorpusDocumentCheck>, write: (chunk: string) => void): void {
  let articles = 0;
  let claims = 0;
  let sourced = 0;
  let conflicting = 0;
  for (const r of results) {
    articles++;
    const index = new LineIndex(r.text);
    claims += r.claims;
    sourced += r.attributedClaims;
    for (const d of r.diagnostics) {
      if (d.code === 'casualty-conflict') conflicting++;
      const { line, column } = index.position(d.start);
      write(`${r.id}:${line}:${column}: ${d.severity} ${d.code} ${d.message}\n`);
    }
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  write(
    `newslens: ${plural(articles, 'article')}, ${plural(claims, 'casualty claim')} (${sourced} sourced), ` +
      `${plural(conflicting, 'conflicting claim')}\n`,
  );
}

function runLanguageServer(args: string[]): Promise<number> {
  if (!args.includes('--stdio') && !args.some((a) => a.startsWith('--node-ipc') || a.startsWith('--socket') || a.startsWith('--pipe'))) {
    throw new UsageError('lsp needs a transport: --stdio');
  }
  // Loaded only here so that `analyze` does not pay for the protocol libraries.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startServer } = require('../lsp/server') as typeof import('../lsp/server');
  startServer();
  // The connection keeps the process alive and exits it on the client's `exit` notification.
  return new Promise<number>(() => undefined);
}
