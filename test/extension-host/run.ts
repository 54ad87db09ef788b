import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { repoRoot, samplesDir } from '../helpers/paths';

// The extension-host suite: Byline loaded into a desktop VS Code (Electron) by
// @vscode/test-electron, checked through the vscode API. It needs a VS Code: the one at
// $BYLINE_VSCODE_PATH, or a download. Where neither can be had (these build machines reach
// only the npm registry), it says so and skips; the end-to-end suite in code-server
// (npm run test:e2e) covers the editor here.

async function main(): Promise<void> {
  if (!fs.existsSync(samplesDir)) {
    console.log(`SKIP extension-host suite: the sample workspace ${samplesDir} is absent`);
    return;
  }
  let vscodeExecutablePath = process.env.BYLINE_VSCODE_PATH;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await downloadAndUnzipVSCode({ version: 'stable', timeout: 30_000 });
    } catch (e) {
      console.log(`SKIP extension-host suite: no VS Code to run it in (BYLINE_VSCODE_PATH is not set and the download failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
      return;
    }
  }
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'byline-host-'));
  fs.cpSync(samplesDir, workspace, { recursive: true });
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
  });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
