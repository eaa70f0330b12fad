// The raw limit for an HTTP endpoint on this machine: Fastify with the logger off, started as its
// own process by run.ts. GET / is the classic hello world; GET /payload answers with a fixed JSON
// document (a captured enterprise page, passed as a file path) so the cost of building and sending a
// body that size, with no database and no validation, can be told apart from the product's own work.
import fs from 'node:fs';
import Fastify from 'fastify';

const payloadFile = process.argv[2];
const payload: unknown = payloadFile ? JSON.parse(fs.readFileSync(payloadFile, 'utf8')) : { hello: 'world' };

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.get('/payload', async () => payload);

const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${new URL(address).port}\n`);
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
