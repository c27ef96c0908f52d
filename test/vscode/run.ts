// `npm run test:vscode`: downloads VS Code (needs the network, so it is not part of CI), writes a
// workspace of fixture articles to a temporary folder, and runs the mocha suite in suite/ inside VS
// Code with NewsLens loaded from this repository (dist/client.js and dist/server.js must be built).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { MARKET_SHELLING, NO_CLAIMS, STATE_TV_ROCKET } from '../protocol/fixtures';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'newslens-vscode-'));
  fs.writeFileSync(path.join(workspace, 'alpha.news'), MARKET_SHELLING);
  fs.writeFileSync(path.join(workspace, 'beta.txt'), STATE_TV_ROCKET);
  fs.mkdirSync(path.join(workspace, 'notes'));
  fs.writeFileSync(path.join(workspace, 'notes', 'gamma.md'), NO_CLAIMS);
  try {
    await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { NEWSLENS_TEST_WORKSPACE: workspace },
    });
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
