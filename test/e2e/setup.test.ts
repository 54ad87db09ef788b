import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { cleanEnv, lastLines, networkHint } from './setup';

// The e2e set-up's own logic that runs before anything is installed. (Installing from an empty
// cache under npm is exercised by `.ci/run`, which points BYLINE_E2E_CACHE at a new folder.)

test('a nested install gets none of the parent npm variables that describe Node 20', () => {
  const env = cleanEnv({
    PATH: '/usr/bin',
    HOME: '/root',
    npm_config_user_agent: 'npm/11.19.1 node/v20.20.2 linux x64',
    npm_config_nodedir: '/usr',
    npm_lifecycle_event: 'test',
    npm_package_name: 'byline',
    npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js',
    NPM_CONFIG_PREFIX: '/somewhere',
    NODE: '/usr/bin/node',
    INIT_CWD: '/work/main',
    BYLINE_E2E_CACHE: '/tmp/cache',
  });
  assert.deepEqual(env, { PATH: '/usr/bin', HOME: '/root', BYLINE_E2E_CACHE: '/tmp/cache' });
});

test('a failed install is explained by its last lines, not by the registry', () => {
  const output = [
    'npm error code 1',
    'npm error command sh -c sh ./postinstall.sh',
    'npm error ERROR: code-server currently requires node v24.',
    'npm error We have detected that you are on node v20',
    'npm error A complete log of this run can be found in: /root/.npm/_logs/x.log',
  ].join('\n');
  assert.equal(networkHint(output, 'the npm registry'), '');
  const shown = lastLines(output);
  assert.match(shown, /requires node v24/);
  assert.doesNotMatch(shown, /complete log/);
  assert.equal(lastLines(Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n'), 15).split('\n').length, 15);
});

test('a network failure names the place that could not be reached', () => {
  assert.equal(networkHint('npm error code ENOTFOUND\nnpm error network request to https://… failed', 'the npm registry'), ' (the npm registry could not be reached)');
  assert.equal(networkHint("Temporary failure resolving 'deb.debian.org'", "Debian's package archive"), " (Debian's package archive could not be reached)");
});
