// Bundles Byline's front ends. Each entry is one self-contained file in dist/, so the
// packaged extension carries no node_modules and the CLI starts without resolving any.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const { version } = require('./package.json');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions[]} */
const entries = [
  { entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { entryPoints: ['src/server/main.ts'], outfile: 'dist/server.js' },
  { entryPoints: ['src/client/extension.ts'], outfile: 'dist/extension.js' },
];

async function main() {
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
        define: { BYLINE_VERSION: JSON.stringify(version) },
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
