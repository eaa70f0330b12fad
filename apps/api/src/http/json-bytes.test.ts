import { describe, expect, it } from 'vitest';
import { acceptsGzip } from './json-bytes';

describe('acceptsGzip', () => {
  it('admits gzip when a browser names it, in any case, or a wildcard covers it', () => {
    for (const header of ['gzip, deflate, br, zstd', 'GZIP', 'br;q=1.0, gzip;q=0.5', 'x-gzip', '*', 'br, *;q=0.1']) expect(acceptsGzip(header), header).toBe(true);
  });

  it('refuses it when absent, refused with q=0 (even under a wildcard), or no header was sent', () => {
    for (const header of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip; q=0.000', '*;q=0', '*, gzip;q=0']) expect(acceptsGzip(header), String(header)).toBe(false);
  });
});
