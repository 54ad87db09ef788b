// Bundles Byline's front ends. Each entry is one self-contained file in dist/, so the
// packaged extension carries no node_modules and the CLI starts without resolving any.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');
const { compromiseData } = require('./scripts/build/compromiseData');

const production = process.argv.includes('--production');
const { version } = require('./package.json');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Installed from npm it is the `byline-language-server` command as well as the extension's server.
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // The analysis pool's threads; the server starts them from beside itself.
  { entryPoints: ['src/server/worker.ts'], outfile: 'dist/worker.js' },
  { entryPoints: ['src/client/extension.ts'], outfile: 'dist/extension.js' },
];

/**
 * Names the engine that analyses text: its sources, compromise's version and Byline's, and the
 * digest made of each analysis (src/workspace/digest.ts, with the claims' traits of
 * claims/compare.ts), which the cache stores beside it. The
 * analysis cache trusts only entries of the same engine, so any change to the engine, released
 * or not, makes the cache start again.
 */
function engineVersion() {
  const hash = crypto.createHash('sha1').update(version).update(JSON.parse(fs.readFileSync(path.join(__dirname, 'node_modules', 'compromise', 'package.json'), 'utf8')).version);
  const walk = (dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .forEach((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : hash.update(e.name).update(fs.readFileSync(path.join(dir, e.name)))));
  walk(path.join(__dirname, 'src', 'core'));
  for (const file of ['digest.ts', path.join('claims', 'compare.ts')]) hash.update(fs.readFileSync(path.join(__dirname, 'src', 'workspace', file)));
  return `${version}+${hash.digest('hex').slice(0, 16)}`;
}

async function main() {
  const engine = engineVersion();
  // compromise's lexicon and inflection rules as data, so that no bundle loads compromise to analyse text.
  const compromise = compromiseData();
  const contexts = await Promise.all(
    entries.map((entry) =>
      esbuild.context({
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'cjs',
        sourcemap: !production,
        minify: production,
        external: ['vscode'],
        define: { BYLINE_VERSION: JSON.stringify(version), BYLINE_ENGINE: JSON.stringify(engine), BYLINE_COMPROMISE: JSON.stringify(compromise) },
        logLevel: 'warning',
        ...entry,
      }),
    ),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
