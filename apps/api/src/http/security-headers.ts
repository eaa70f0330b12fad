import type { FastifyInstance } from 'fastify';

/**
 * Element Plus positions popups with inline styles, hence style-src 'unsafe-inline'; scripts stay
 * 'self'. Images may also come from the hosts of a configured basemap (天地图 tiles).
 */
function csp(imageHosts: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...imageHosts].join(' '),
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** ASVS V3.4: headers on every response, including errors and downloads. */
export function registerSecurityHeaders(app: FastifyInstance, opts: { hsts: boolean; imageHosts?: readonly string[] }): void {
  const policy = csp(opts.imageHosts ?? []);
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('content-security-policy', policy);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=()');
    if (opts.hsts) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const url = request.url;
    // Hashed build assets may be cached; everything else carries data and must not be.
    if (!url.startsWith('/assets/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
