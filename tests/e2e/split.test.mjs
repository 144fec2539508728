// The split route with the official OpenAI Node SDK: a prompt with an email,
// a card number and a name goes through `split`; the cloud is
// tests/tools/fault_upstream.py answering with the last user message (so the
// placeholders come back) and recording every byte it receives. The recorded
// cloud request holds only placeholders; the client's answer holds the real
// values, whole and streamed.
//
// Env: EW_BIN, EW_SRC (for the upstream), EW_SHARED (the small model).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';

const { EW_BIN: BIN, EW_SRC: SRC, EW_SHARED: SHARED } = process.env;
const SLOW = process.env.EW_SANITIZED ? 4 : 1;
if (!BIN || !SRC || !SHARED) throw new Error('EW_BIN, EW_SRC and EW_SHARED must be set');

const EMAIL = 'maria.keller@example.net';
const CARD = '4111 1111 1111 1111';
const NAME = 'Maria Keller';
const PROMPT = `Please confirm: my name is ${NAME}, my email is ${EMAIL} and my card is ${CARD}.`;

const dir = mkdtempSync(join(tmpdir(), 'edgeway-split-e2e-'));
const record = join(dir, 'cloud.bytes');
const procs = [];

// Starts a process and resolves with the first match of pattern in its output.
function start(cmd, args, stream, pattern) {
  const p = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  procs.push(p);
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start:\n${out}`)), 20000 * SLOW);
    p[stream].on('data', (d) => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), proc: p, log: () => out });
      }
    });
    p.on('exit', (code) => reject(new Error(`${cmd} exited with ${code}:\n${out}`)));
  });
}

let edge, client;

before(async () => {
  const up = await start('python3', [join(SRC, 'tests/tools/fault_upstream.py'), '--record', record],
    'stdout', /PORT (\d+)/);
  const yaml = `version: 1
server: {listen: [127.0.0.1:0]}
auth: {allow_anonymous_loopback: true}
models:
  - {name: stories, path: ${SHARED}/models/stories260K.gguf, workers: 1, threads: 1, queue: 4}
backends:
  - {name: cloud, base_url: "http://127.0.0.1:${up.port}/s/echo/v1", models: {cloud: gpt-4o}, max_retries: 0}
routing:
  default: split
  never_remote: [email, credit_card]
  split: {mode: pseudonymize}
`;
  const path = join(dir, 'edge.yaml');
  writeFileSync(path, yaml);
  edge = await start(BIN, ['serve', '-c', path, '--listen', '127.0.0.1:0'], 'stderr',
    /"listening on 127\.0\.0\.1:(\d+)"/);
  client = new OpenAI({ apiKey: 'unused', baseURL: `http://127.0.0.1:${edge.port}/v1`, maxRetries: 0 });
});

after(() => {
  for (const p of procs) p.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

// The cloud's view since `from`: only placeholders, none of the values.
function cloudSaw(from) {
  const sent = readFileSync(record).subarray(from).toString('utf8');
  assert.match(sent, /POST \/s\/echo\/v1\/chat\/completions/);
  for (const v of [EMAIL, CARD, CARD.replaceAll(' ', ''), NAME, 'Keller', 'example.net'])
    assert.ok(!sent.includes(v) && !sent.includes(JSON.stringify(v).slice(1, -1)), `${v} reached the cloud`);
  for (const ph of ['[PERSON_1]', '[EMAIL_1]', '[CREDIT_CARD_1]']) assert.ok(sent.includes(ph), `${ph} sent`);
  return sent;
}

const size = () => readFileSync(record).length;
const body = { model: 'auto', messages: [{ role: 'user', content: PROMPT }] };

test('split: whole answer restored, cloud saw placeholders only', async () => {
  const from = size();
  const { data, response } = await client.chat.completions.create(body).withResponse();
  assert.equal(response.headers.get('x-edgeway-route'), 'split');
  assert.equal(response.headers.get('x-edgeway-split'), 'pseudonymize');
  assert.equal(response.headers.get('x-edgeway-backend'), 'cloud');
  assert.equal(data.choices[0].message.content, PROMPT);
  assert.ok(data.usage.total_tokens > 0);
  cloudSaw(from);
});

test('split: streamed answer restored across chunk boundaries', async () => {
  const from = size();
  const { data: stream, response } = await client.chat.completions
    .create({ ...body, stream: true, stream_options: { include_usage: true } }, {
      headers: { 'x-edgeway-conversation': 'e2e-split-1' },
    })
    .withResponse();
  assert.equal(response.headers.get('x-edgeway-split'), 'pseudonymize');
  let text = '';
  let usage = null;
  let chunks = 0;
  for await (const chunk of stream) {
    if (chunk.usage) usage = chunk.usage;
    for (const ch of chunk.choices) {
      if (ch.delta?.content) {
        text += ch.delta.content;
        chunks++;
      }
    }
  }
  assert.equal(text, PROMPT);
  assert.ok(chunks > 3, 'the answer came in pieces');
  assert.ok(usage && usage.total_tokens === usage.prompt_tokens + usage.completion_tokens);
  cloudSaw(from);
});
