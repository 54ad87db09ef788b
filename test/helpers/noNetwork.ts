// Preloaded (node --require) into a process that must not use the network: every way Node
// opens a connection or resolves a name throws and is reported on stderr.

import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';

function forbid(what: string): never {
  process.stderr.write(`NETWORK ACCESS ATTEMPTED: ${what}\n`);
  throw new Error(`network access is forbidden here (${what})`);
}

const patch = (target: object, name: string, what: string) => Object.defineProperty(target, name, { value: () => forbid(what), configurable: true, writable: true });

patch(net, 'connect', 'net.connect');
patch(net, 'createConnection', 'net.createConnection');
patch(net.Socket.prototype, 'connect', 'net.Socket#connect');
patch(tls, 'connect', 'tls.connect');
patch(http, 'request', 'http.request');
patch(http, 'get', 'http.get');
patch(https, 'request', 'https.request');
patch(https, 'get', 'https.get');
patch(dns, 'lookup', 'dns.lookup');
patch(dns, 'resolve', 'dns.resolve');
if (typeof fetch === 'function') patch(globalThis, 'fetch', 'fetch');
