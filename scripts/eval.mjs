// `npm run eval`: scores `newslens analyze --format json` on the development data in ../shared
// (and the Syria gold in eval/gold/syria) with the rules of ../shared/annotation-guidelines.md,
// "How readings are scored", and prints one markdown table.
//
//   node scripts/eval.mjs [--only conll,polnear,gva,syria,seeds] [--json out.json] [--verbose]
//
// `npm run eval` builds first; running this file directly scores whatever dist/ holds.
// --verbose lists every false positive and negative with its text, before the table.
// NEWSLENS_BIN=<path> scores another build of the CLI; NEWSLENS_SYRIA_GOLD=<folder> another gold.
// The scorer's own tests: node --test scripts/eval/

import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as conll from './eval/conll.mjs';
import * as polnear from './eval/polnear.mjs';
import * as gva from './eval/gva.mjs';
import * as syria from './eval/syria.mjs';
import * as seeds from './eval/seeds.mjs';
import { SHARED, runCli } from './eval/cli.mjs';
import { formatTable } from './eval/report.mjs';

const PARTS = { conll, polnear, gva, syria, seeds };
const USAGE = `usage: node scripts/eval.mjs [--only ${Object.keys(PARTS).join(',')}] [--json out.json] [--verbose]`;

function parseArgs(argv) {
  const opts = { only: Object.keys(PARTS), json: null, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--only') {
      opts.only = String(value() ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = opts.only.filter((p) => !PARTS[p]);
      if (unknown.length || !opts.only.length) throw new Error(`--only: unknown part ${unknown.join(', ') || '(none)'}`);
    } else if (flag === '--json') {
      opts.json = value();
      if (!opts.json) throw new Error('--json needs a file name');
    } else if (flag === '--verbose' || flag === '-v') {
      opts.verbose = true;
    } else if (flag === '--help' || flag === '-h') {
      opts.help = true;
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  return opts;
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${USAGE}`);
    return 2;
  }
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }

  let tool = null;
  let cliSeconds = 0;
  let cliCalls = 0;
  const timedCli = async (folder) => {
    const t = performance.now();
    cliCalls++;
    try {
      const result = await runCli(folder);
      tool ??= result.tool ?? null;
      return result;
    } finally {
      cliSeconds += (performance.now() - t) / 1000;
    }
  };

  const done = [];
  const json = { shared: SHARED, parts: {} };
  let failed = false;
  for (const name of opts.only) {
    const part = PARTS[name];
    process.stderr.write(`eval: ${name}…\n`);
    const started = performance.now();
    cliSeconds = 0;
    cliCalls = 0;
    let out;
    try {
      out = await part.run({ shared: SHARED, verbose: opts.verbose, runCli: timedCli });
    } catch (err) {
      failed = true;
      console.log(`failed: ${name} (${err.message})`);
      json.parts[name] = { error: err.message };
      continue;
    }
    const seconds = (performance.now() - started) / 1000;
    if (out.skipped) {
      console.log(`skipped: ${name} (${out.skipped})`);
      json.parts[name] = { skipped: out.skipped };
      continue;
    }
    if (out.failed) failed = true;
    done.push({ name, title: part.title, seconds, cliSeconds, cliCalls, ...out });
    json.parts[name] = { seconds, cliSeconds, cliCalls, ...out.json, notes: out.notes };
  }

  if (opts.verbose) {
    for (const d of done) {
      if (!d.errors.length) continue;
      console.log(`\n## ${d.title}: ${d.errors.length} errors\n`);
      for (const e of d.errors) console.log(e);
    }
    console.log('');
  }

  if (done.length) {
    console.log(formatTable(done));
    console.log('');
    for (const d of done) {
      // Calls may run in parallel (Syria), so their summed time can exceed the wall time.
      const calls = d.cliCalls === 1 ? '1 CLI call' : `${d.cliCalls} CLI calls`;
      const timing = `${d.seconds.toFixed(1)} s wall; ${calls}, ${d.cliSeconds.toFixed(1)} s summed`;
      console.log(`- ${d.title} (${timing}): ${d.notes.join('; ')}`);
    }
    if (tool) console.log(`- scored ${tool.name ?? 'newslens'} ${tool.version ?? ''}`.trimEnd());
  }

  if (opts.json) {
    json.tool = tool;
    fs.writeFileSync(opts.json, JSON.stringify(json, null, 2) + '\n');
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
