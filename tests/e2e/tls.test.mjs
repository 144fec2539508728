// The official OpenAI Node SDK (pinned in package-lock.json) against
// `edgeway serve` over https and mTLS, the way a user meets it: the dev CA
// (certs/dev-ca.sh) is trusted through NODE_EXTRA_CA_CERTS, which the test's
// runner (tests/integration/test_e2e_tls.sh) sets before node starts.
//
// The SDK's own transport is Node's fetch, which has no per-client option for
// a client certificate without the undici package. For mTLS the client gets a
// fetch built on node:https (the SDK's documented `fetch` option); everything
// above the transport (requests, SSE, errors) is still the SDK.
//
// Env: EW_BIN, EW_SHARED (models), EW_PKI (dev-ca.sh test output, plus
// other/stranger: a server certificate from an untrusted CA), EW_SANITIZED.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import OpenAI from 'openai';

const BIN = process.env.EW_BIN;
const SHARED = process.env.EW_SHARED;
const PKI = process.env.EW_PKI;
const SLOW = process.env.EW_SANITIZED ? 4 : 1;
if (!BIN || !SHARED || !PKI) throw new Error('EW_BIN, EW_SHARED and EW_PKI must be set');
if (!process.env.NODE_EXTRA_CA_CERTS) throw new Error('NODE_EXTRA_CA_CERTS must name the dev CA');

const KEY_OPS = 'sk-e2e-tls-ops-0123456789abcdef';
const pki = (f) => `${PKI}/${f}`;
const dir = mkdtempSync(join(tmpdir(), 'edgeway-e2e-tls-'));

// Listeners, in this order: https; https + mTLS (tenants by certificate);
// a certificate from an untrusted CA; an expired certificate. Callers need a
// key or a mapped client certificate; the rule a tenant hits names it.
const YAML = `version: 1
server:
  listen:
    - address: 127.0.0.1:0
      tls: {cert: ${pki('server.crt')}, key: ${pki('server.key')}}
    - address: 127.0.0.1:0
      tls:
        cert: ${pki('server.crt')}
        key: ${pki('server.key')}
        client_ca: ${pki('ca.crt')}
        client_crl: ${pki('ca.crl')}
        client_tenants:
          - {match: "email:alice@example.com", tenant: acme}
          - {match: "uri:spiffe://edgeway.test/bob", tenant: beta}
    - address: 127.0.0.1:0
      tls: {cert: ${pki('other/stranger.crt')}, key: ${pki('other/stranger.key')}}
    - address: 127.0.0.1:0
      tls: {cert: ${pki('expired-server.crt')}, key: ${pki('expired-server.key')}}
auth:
  allow_anonymous_loopback: false
  keys:
    - {name: ops, sha256: ${createHash('sha256').update(KEY_OPS).digest('hex')}, tenant: it}
models:
  - {name: stories, path: ${SHARED}/models/stories260K.gguf, workers: 1, threads: 1, queue: 8}
routing:
  default: {route: deny, message: "This tenant has no route here."}
  rules:
    - {name: acme-team, when: {tenant: acme}, route: local}
    - {name: it-team, when: {tenant: it}, route: local}
`;

let gw;
let ports;

// Starts `edgeway serve` and resolves once all four listeners are up.
function serve(yaml) {
  const path = join(dir, 'edgeway.yaml');
  writeFileSync(path, yaml);
  const p = spawn(BIN, ['serve', '-c', path], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${log}`)), 20000 * SLOW);
    p.stderr.on('data', (d) => {
      log += d;
      const found = [...log.matchAll(/"listening on 127\.0\.0\.1:(\d+)"/g)].map((m) => Number(m[1]));
      if (found.length === 4 && timer) {
        clearTimeout(timer);
        resolve({ proc: p, ports: found, log: () => log });
      }
    });
    p.on('exit', (code) => reject(new Error(`exited with ${code}:\n${log}`)));
  });
}

// A fetch over node:https with this agent's TLS options (client certificate).
function httpsFetch(agentOpts) {
  const agent = new https.Agent({ ca: readFileSync(pki('ca.crt')), ...agentOpts });
  return (url, init = {}) =>
    new Promise((resolve, reject) => {
      const headers = Object.fromEntries(new Headers(init.headers).entries());
      const req = https.request(String(url), { method: init.method || 'GET', headers, agent, signal: init.signal }, (res) => {
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve(new Response(Readable.toWeb(res), { status: res.statusCode, headers: h }));
      });
      req.on('error', reject);
      req.end(init.body ?? undefined);
    });
}

const client = (port, opts = {}) =>
  new OpenAI({
    apiKey: KEY_OPS,
    baseURL: `https://localhost:${port}/v1`,
    maxRetries: 0,
    timeout: 30000 * SLOW,
    ...opts,
  });

// A client certificate; the SDK still sends a key (it insists on one), which
// the gateway does not know: the certificate decides the tenant.
const withCert = (port, name) =>
  client(port, {
    apiKey: 'sk-unknown-to-the-gateway',
    fetch: httpsFetch({ cert: readFileSync(pki(`${name}.crt`)), key: readFileSync(pki(`${name}.key`)) }),
  });

// 'auto': the rules decide (a named model would be served as asked).
const CHAT = {
  model: 'auto',
  messages: [{ role: 'user', content: 'Tell me a story.' }],
  max_tokens: 8,
  temperature: 0,
};

// Whole and streamed: the same text, the same rule, both local.
async function chatBothWays(c, rule) {
  const { data, response } = await c.chat.completions.create(CHAT).withResponse();
  assert.equal(response.headers.get('x-edgeway-route'), 'local');
  assert.equal(response.headers.get('x-edgeway-rule'), rule);
  const text = data.choices[0].message.content;
  assert.ok(text.length > 0);
  const { data: stream, response: sr } = await c.chat.completions.create({ ...CHAT, stream: true }).withResponse();
  assert.equal(sr.headers.get('x-edgeway-rule'), rule);
  let streamed = '';
  let finish = null;
  for await (const chunk of stream) {
    for (const ch of chunk.choices) {
      if (ch.delta?.content) streamed += ch.delta.content;
      if (ch.finish_reason) finish = ch.finish_reason;
    }
  }
  assert.equal(streamed, text);
  assert.equal(finish, data.choices[0].finish_reason);
}

// The codes down an error's cause chain (fetch wraps the TLS error).
function causeCodes(e) {
  const codes = [];
  for (let c = e; c; c = c.cause) if (c.code) codes.push(c.code);
  return codes;
}

// Returns the error, which must be a connection error (a refused handshake).
async function connectionError(c, what) {
  try {
    await c.models.list();
  } catch (e) {
    assert.ok(e instanceof OpenAI.APIConnectionError, `${what}: ${e}`);
    return e;
  }
  assert.fail(`${what}: the request succeeded`);
}

before(async () => {
  gw = await serve(YAML);
  ports = gw.ports;
});

// A clean exit, and in the sanitizer build no report in the log.
after(async () => {
  if (gw) {
    const exited = new Promise((resolve) => gw.proc.on('exit', (code) => resolve(code)));
    gw.proc.kill('SIGTERM');
    assert.equal(await exited, 0, gw.log());
    assert.doesNotMatch(gw.log(), /AddressSanitizer|LeakSanitizer|runtime error/);
  }
  rmSync(dir, { recursive: true, force: true });
});

test('https with the dev CA: models, chat whole and streamed', async () => {
  const c = client(ports[0]);
  const ids = [];
  for await (const m of c.models.list()) ids.push(m.id);
  assert.ok(ids.includes('stories'), `models: ${ids}`);
  await chatBothWays(c, 'it-team');
});

test('an untrusted CA and an expired certificate: connection errors', async () => {
  const untrusted = causeCodes(await connectionError(client(ports[2]), 'untrusted CA'));
  assert.ok(untrusted.includes('UNABLE_TO_GET_ISSUER_CERT_LOCALLY'), `untrusted: ${untrusted}`);
  const expired = causeCodes(await connectionError(client(ports[3]), 'expired certificate'));
  assert.ok(expired.includes('CERT_HAS_EXPIRED'), `expired: ${expired}`);
});

test('plain HTTP to the TLS port: a 400 the SDK understands', async () => {
  const c = client(ports[0], { baseURL: `http://127.0.0.1:${ports[0]}/v1` });
  await assert.rejects(c.models.list(), (e) => {
    assert.ok(e instanceof OpenAI.BadRequestError, String(e));
    assert.equal(e.code, 'tls_required');
    return true;
  });
});

test('mTLS: the certificate picks the tenant, and the tenant the rule', async () => {
  await chatBothWays(withCert(ports[1], 'alice'), 'acme-team');
  assert.match(gw.log(), /"tls_client":"alice","tenant":"acme"/);
  // bob's tenant has no rule: the default denies, which proves the mapping.
  await assert.rejects(withCert(ports[1], 'bob').chat.completions.create(CHAT), (e) => {
    assert.ok(e instanceof OpenAI.APIError && e.status >= 400 && e.status < 500, String(e));
    assert.match(e.message, /This tenant has no route here/);
    return true;
  });
});

test('mTLS refusals: no certificate, revoked, foreign CA; the gateway serves on', async () => {
  await connectionError(client(ports[1]), 'no client certificate');
  await connectionError(withCert(ports[1], 'mallory'), 'revoked client certificate');
  await connectionError(withCert(ports[1], 'other/eve'), 'client certificate of another CA');
  await connectionError(withCert(ports[1], 'carol-expired'), 'expired client certificate');
  assert.match(gw.log(), /client certificate refused/);
  const ids = [];
  for await (const m of withCert(ports[1], 'alice').models.list()) ids.push(m.id);
  assert.ok(ids.includes('stories'));
});
