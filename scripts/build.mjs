// Bundles the CLI, the language server and the VS Code client with esbuild, and writes the gazetteer.
import * as esbuild from 'esbuild';
import { copyFileSync } from 'node:fs';
import { buildGazetteer } from './build-gazetteer.mjs';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

const builds = [
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  // The indexing worker runs in its own thread; the server (and `newslens lsp`) start it from dist/.
  { entryPoints: ['server/src/lsp/indexWorker.ts'], outfile: 'dist/indexWorker.js' },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
];

await buildGazetteer('dist/gazetteer.json');
// The entity model ships beside the bundles; `npm run train` rebuilds models/ner.json from ../shared.
copyFileSync('models/ner.json', 'dist/ner.json');
if (watch) {
  for (const b of builds) await (await esbuild.context({ ...common, ...b })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
