// The official OpenAI Node SDK against `edgeway serve` over https:
//   node sdk_tls.mjs PORT_TLS PORT_MTLS PKI_DIR
// PORT_TLS serves TLS with the dev CA; PORT_MTLS also requires a client
// certificate. Exits 0 when every expectation holds, 1 with the reason.
import OpenAI from 'openai';
import fs from 'node:fs';
import https from 'node:https';

const [portTls, portMtls, pki] = process.argv.slice(2);
const read = (f) => fs.readFileSync(`${pki}/${f}`);

function client(port, agentOpts) {
  return new OpenAI({
    apiKey: 'not-needed-on-loopback',
    baseURL: `https://localhost:${port}/v1`,
    httpAgent: new https.Agent(agentOpts),
    maxRetries: 0,
    timeout: 10000,
  });
}

async function models(c) {
  const ids = [];
  for await (const m of c.models.list()) ids.push(m.id);
  return ids;
}

async function refused(what, c) {
  try {
    await models(c);
  } catch (e) {
    if (e instanceof OpenAI.APIConnectionError) return;
    throw new Error(`${what}: expected a connection error, got ${e}`);
  }
  throw new Error(`${what}: the request succeeded`);
}

try {
  const ca = read('ca.crt');
  const ids = await models(client(portTls, { ca }));
  if (!ids.includes('tiny')) throw new Error(`model list over https: ${ids}`);
  await refused('untrusted CA', client(portTls, { ca: read('other/ca.crt') }));
  const alice = await models(client(portMtls, { ca, cert: read('alice.crt'), key: read('alice.key') }));
  if (!alice.includes('tiny')) throw new Error(`model list over mTLS: ${alice}`);
  await refused('no client certificate', client(portMtls, { ca }));
  await refused('revoked client', client(portMtls, { ca, cert: read('mallory.crt'), key: read('mallory.key') }));
  console.log('sdk_tls: ok (models over https and mTLS; untrusted CA, missing and revoked client certificates refused)');
} catch (e) {
  console.error(`sdk_tls: ${e.message || e}`);
  process.exit(1);
}
