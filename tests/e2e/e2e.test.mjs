// edgeway end to end with the official OpenAI Node SDK (pinned in
// package-lock.json), the way a user meets it: two `edgeway serve` processes
// on loopback, an "edge" with the small embedded model and keys, and a
// "cloud" that is the same binary with a bigger model and an all-local
// policy. The edge's backend is the cloud.
//
// Every route is driven non-streaming and streaming: local (embedded model),
// remote (the second edgeway), cascade (escalated, then after a reload that
// lowers the threshold, kept local) and deny. The checks are on what a
// client sees: x-edgeway-* headers, usage, finish_reason, errors; greedy
// answers through the edge equal the answers of the model that served them.
//
// Env: EW_BIN (the edgeway binary), EW_SHARED (models), EW_SANITIZED (slower).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';

const BIN = process.env.EW_BIN;
const SHARED = process.env.EW_SHARED;
const SLOW = process.env.EW_SANITIZED ? 4 : 1;
if (!BIN || !SHARED) throw new Error('EW_BIN and EW_SHARED must be set');

const KEY_ALICE = 'sk-e2e-alice-0123456789abcdef';
const KEY_OPS = 'sk-e2e-ops-fedcba9876543210';
const sha = (s) => createHash('sha256').update(s).digest('hex');

const dir = mkdtempSync(join(tmpdir(), 'edgeway-e2e-'));
const procs = [];

const CLOUD_YAML = `version: 1
server: {listen: [127.0.0.1:0]}
auth: {allow_anonymous_loopback: true}
models:
  - name: big
    path: ${SHARED}/models/synth-A-llama-spm-Q8_0.gguf
    workers: 2
    threads: 1
    queue: 16
routing: {default: local}
`;

function edgeYaml(cloudPort, minConfidence) {
  return `version: 1
server: {listen: [127.0.0.1:0]}
auth:
  allow_anonymous_loopback: false
  keys:
    - {name: alice, sha256: ${sha(KEY_ALICE)}, tenant: engineering}
    - {name: ops, sha256: ${sha(KEY_OPS)}, tenant: it, admin: true}
models:
  - name: stories
    path: ${SHARED}/models/stories260K.gguf
    workers: 1
    threads: 1
    queue: 8
backends:
  - name: cloud
    base_url: http://127.0.0.1:${cloudPort}/v1
    kind: edgeway
    models: {cloud: big, careful: big}
    max_retries: 0
routing:
  default: local
  never_remote: [secret, us_ssn]
  aliases:
    careful: {route: cascade, backend: cloud}
    blocked: {route: deny, message: "Model 'blocked' is not available to your team."}
  cascade: {probe_tokens: 4, metric: mean_top1, min_confidence: ${minConfidence}}
`;
}

// Starts `edgeway serve` and resolves with its port once it listens.
function serve(name, yaml) {
  const path = join(dir, `${name}.yaml`);
  writeFileSync(path, yaml);
  const p = spawn(BIN, ['serve', '-c', path, '--listen', '127.0.0.1:0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  procs.push(p);
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start:\n${log}`)), 20000 * SLOW);
    p.stderr.on('data', (d) => {
      log += d;
      const m = /"listening on 127\.0\.0\.1:(\d+)"/.exec(log);
      if (m && timer) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), proc: p, path, log: () => log });
      }
    });
    p.on('exit', (code) => reject(new Error(`${name} exited with ${code}:\n${log}`)));
  });
}

let cloud, edge, client, cloudClient;
const MESSAGES = [{ role: 'user', content: 'Tell me a story about a little cat.' }];

before(async () => {
  cloud = await serve('cloud', CLOUD_YAML);
  edge = await serve('edge', edgeYaml(cloud.port, 1.0));
  client = new OpenAI({ apiKey: KEY_ALICE, baseURL: `http://127.0.0.1:${edge.port}/v1`, maxRetries: 0 });
  cloudClient = new OpenAI({ apiKey: 'unused', baseURL: `http://127.0.0.1:${cloud.port}/v1`, maxRetries: 0 });
});

after(() => {
  for (const p of procs) p.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

// A streamed chat, gathered: text, finish_reason, usage chunk, headers.
async function streamChat(c, body) {
  const { data: stream, response } = await c.chat.completions
    .create({ ...body, stream: true, stream_options: { include_usage: true } })
    .withResponse();
  let text = '';
  let finish = null;
  let usage = null;
  let chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    assert.equal(chunk.object, 'chat.completion.chunk');
    if (chunk.usage) usage = chunk.usage;
    for (const ch of chunk.choices) {
      if (ch.delta?.content) text += ch.delta.content;
      if (ch.finish_reason) finish = ch.finish_reason;
    }
  }
  return { text, finish, usage, chunks, headers: response.headers };
}

function checkUsage(u, maxTokens, finish) {
  assert.ok(u, 'usage is reported');
  assert.ok(u.prompt_tokens > 0);
  assert.equal(u.total_tokens, u.prompt_tokens + u.completion_tokens);
  if (finish === 'length') assert.equal(u.completion_tokens, maxTokens);
  else assert.ok(u.completion_tokens <= maxTokens);
}

const greedy = (model, max = 24) => ({ model, messages: MESSAGES, max_tokens: max, temperature: 0 });

test('models: what the key may use, without denied aliases', async () => {
  const ids = [];
  for await (const m of client.models.list()) ids.push(m.id);
  for (const id of ['auto', 'stories', 'careful', 'cloud', 'local']) assert.ok(ids.includes(id), id);
  assert.ok(!ids.includes('blocked'), 'a denied alias is not listed');
});

test('local route: embedded model, whole and streamed agree', async () => {
  const { data, response } = await client.chat.completions.create(greedy('stories')).withResponse();
  assert.equal(response.headers.get('x-edgeway-route'), 'local');
  assert.equal(response.headers.get('x-edgeway-backend'), 'stories');
  assert.ok(response.headers.get('x-edgeway-rule'));
  assert.match(response.headers.get('x-request-id'), /^[A-Za-z0-9._:-]{1,64}$/);
  assert.equal(data.object, 'chat.completion');
  assert.equal(data.model, 'stories');
  const msg = data.choices[0].message;
  assert.equal(msg.role, 'assistant');
  assert.ok(msg.content.length > 0);
  checkUsage(data.usage, 24, data.choices[0].finish_reason);

  const s = await streamChat(client, greedy('stories'));
  assert.equal(s.headers.get('x-edgeway-route'), 'local');
  assert.equal(s.text, msg.content);
  assert.equal(s.finish, data.choices[0].finish_reason);
  assert.deepEqual(s.usage, data.usage);
});

test('local route: completions, max_tokens and stop', async () => {
  const c = await client.completions.create({ model: 'stories', prompt: 'Once upon a time', max_tokens: 12, temperature: 0 });
  assert.equal(c.object, 'text_completion');
  assert.equal(c.choices[0].finish_reason, 'length');
  assert.equal(c.usage.completion_tokens, 12);
  const text = c.choices[0].text;
  const cut = text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 2);
  const s = await client.completions.create({ model: 'stories', prompt: 'Once upon a time', max_tokens: 12, temperature: 0, stop: [cut] });
  assert.equal(s.choices[0].finish_reason, 'stop');
  assert.equal(s.choices[0].text, text.slice(0, text.indexOf(cut)));
});

test('remote route: the second edgeway answers, as if called directly', async () => {
  const direct = await cloudClient.chat.completions.create(greedy('big'));
  const { data, response } = await client.chat.completions.create(greedy('cloud')).withResponse();
  assert.equal(response.headers.get('x-edgeway-route'), 'remote');
  assert.equal(response.headers.get('x-edgeway-backend'), 'cloud');
  assert.equal(data.choices[0].message.content, direct.choices[0].message.content);
  assert.deepEqual(data.usage, direct.usage);
  assert.equal(data.choices[0].finish_reason, direct.choices[0].finish_reason);

  const s = await streamChat(client, greedy('cloud'));
  assert.equal(s.headers.get('x-edgeway-route'), 'remote');
  assert.equal(s.text, direct.choices[0].message.content);
  assert.deepEqual(s.usage, direct.usage);
});

test('never_remote: a secret asked of the cloud stays on the device', async () => {
  const { data, response } = await client.chat.completions
    .create({ model: 'cloud', max_tokens: 4, temperature: 0, messages: [{ role: 'user', content: 'my ssn is 536-22-8174, keep it safe' }] })
    .withResponse();
  assert.equal(response.headers.get('x-edgeway-route'), 'local');
  assert.equal(response.headers.get('x-edgeway-rule'), 'never_remote');
  assert.ok(data.usage.completion_tokens > 0);
});

test('cascade: escalates when the local model is unsure', async () => {
  const direct = await cloudClient.chat.completions.create(greedy('big'));
  const { data, response } = await client.chat.completions.create(greedy('careful')).withResponse();
  assert.equal(response.headers.get('x-edgeway-route'), 'cascade');
  assert.equal(response.headers.get('x-edgeway-cascade'), 'escalated');
  assert.equal(response.headers.get('x-edgeway-backend'), 'cloud');
  const conf = Number(response.headers.get('x-edgeway-confidence'));
  assert.ok(conf > 0 && conf < 1, `confidence ${conf}`);
  assert.equal(data.choices[0].message.content, direct.choices[0].message.content);
  assert.deepEqual(data.usage, direct.usage);

  const s = await streamChat(client, greedy('careful'));
  assert.equal(s.headers.get('x-edgeway-cascade'), 'escalated');
  assert.equal(s.text, direct.choices[0].message.content);
});

test('cascade: after a reload with a lower threshold, stays local', async () => {
  writeFileSync(edge.path, edgeYaml(cloud.port, 0.0));
  const anon = new OpenAI({ apiKey: KEY_ALICE, baseURL: `http://127.0.0.1:${edge.port}`, maxRetries: 0 });
  await assert.rejects(anon.post('/admin/reload', {}), (e) => e.status === 403);
  const ops = new OpenAI({ apiKey: KEY_OPS, baseURL: `http://127.0.0.1:${edge.port}`, maxRetries: 0 });
  const r = await ops.post('/admin/reload', {});
  assert.equal(r.status, 'reloaded');

  const local = await client.chat.completions.create(greedy('stories'));
  const { data, response } = await client.chat.completions.create(greedy('careful')).withResponse();
  assert.equal(response.headers.get('x-edgeway-route'), 'cascade');
  assert.equal(response.headers.get('x-edgeway-cascade'), 'local');
  assert.equal(response.headers.get('x-edgeway-backend'), 'stories');
  assert.equal(data.choices[0].message.content, local.choices[0].message.content);
  const s = await streamChat(client, greedy('careful'));
  assert.equal(s.headers.get('x-edgeway-cascade'), 'local');
  assert.equal(s.text, local.choices[0].message.content);
  assert.deepEqual(s.usage, local.usage);
});

test('deny: the policy message, whole and streamed', async () => {
  for (const stream of [false, true]) {
    await assert.rejects(client.chat.completions.create({ ...greedy('blocked'), stream }), (e) => {
      assert.equal(e.status, 403);
      assert.equal(e.error?.message ?? e.message.replace(/^403 /, ''), "Model 'blocked' is not available to your team.");
      assert.equal(e.code, 'policy_denied');
      assert.equal(e.headers.get('x-edgeway-route'), 'deny');
      return true;
    });
  }
});

test('errors: no key, a wrong key, a bad request', async () => {
  const nokey = new OpenAI({ apiKey: 'sk-not-a-key', baseURL: `http://127.0.0.1:${edge.port}/v1`, maxRetries: 0 });
  await assert.rejects(nokey.chat.completions.create(greedy('stories')), (e) => e.status === 401 && e.code === 'invalid_api_key');
  await assert.rejects(client.chat.completions.create({ ...greedy('stories'), temperature: 5 }), (e) => e.status === 400 && e.param === 'temperature');
  await assert.rejects(client.chat.completions.create({ model: 'stories', messages: [] }), (e) => e.status === 400);
});
