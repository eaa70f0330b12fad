import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const gzipAsync = promisify(gzip);

/** A JSON answer kept as bytes, with its gzip form once a client that accepts gzip has asked for it. */
export interface JsonBytes {
  json: Buffer;
  gzip?: Buffer;
}

/**
 * True when an Accept-Encoding header admits gzip (RFC 9110 §12.5.3): named, or covered by `*`,
 * with a quality above zero. Browsers send `gzip, deflate, br, zstd`.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star: boolean | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((s) => s.trim());
    const q = params.find((p) => /^q=/i.test(p));
    const allowed = q === undefined || Number(q.slice(2)) > 0;
    const name = coding.toLowerCase();
    if (name === 'gzip' || name === 'x-gzip') return allowed;
    if (name === '*') star = allowed;
  }
  return star ?? false;
}

/**
 * Sends kept JSON bytes, gzipped for a client that accepts it (compressed once, then kept with
 * them). Only for answers that carry no secret: compressing a secret next to text an attacker
 * chooses leaks it through the length (BREACH).
 */
export async function sendJsonBytes(request: FastifyRequest, reply: FastifyReply, body: JsonBytes): Promise<FastifyReply> {
  reply.type('application/json; charset=utf-8').header('vary', 'Accept-Encoding');
  if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(body.json);
  body.gzip ??= await gzipAsync(body.json);
  return reply.header('content-encoding', 'gzip').send(body.gzip);
}
