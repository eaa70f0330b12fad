// The raw limit for an HTTP endpoint on this machine: Fastify with the logger off, started as its
// own process by run.ts. GET / is the classic hello world; GET /payload answers with fixed bytes (a
// captured enterprise page, passed as a file path), gzipped once at start for a client that accepts
// gzip, as the product sends a kept page: the cost of sending a body that size, with no database
// and no per-request work, can be told apart from the product's own work.
import fs from 'node:fs';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';

const payloadFile = process.argv[2];
const json = payloadFile ? fs.readFileSync(payloadFile) : Buffer.from('{"hello":"world"}');
const gzipped = gzipSync(json);

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.get('/payload', (request, reply) => {
  reply.type('application/json; charset=utf-8');
  if (!request.headers['accept-encoding']?.includes('gzip')) return reply.send(json);
  return reply.header('content-encoding', 'gzip').send(gzipped);
});

const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${new URL(address).port}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
