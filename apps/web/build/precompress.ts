import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** Text the browser downloads; fonts and images come compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json)$/;
/** Below this a compressed copy saves less than its own headers cost. */
const MIN_BYTES = 1024;

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each built text file, compressed once at
 * the highest level, so the server sends a browser the smaller copy it accepts without
 * compressing on each request (`@fastify/static` with `preCompressed`). A copy no smaller than
 * the file is not written.
 */
export function precompress(): Plugin {
  return {
    name: 'yuanqu-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist';
      await Promise.all(
        Object.keys(bundle)
          .filter((name) => COMPRESSIBLE.test(name))
          .map(async (name) => {
            const file = path.join(dir, name);
            const text = await fs.readFile(file);
            if (text.length < MIN_BYTES) return;
            const copies: [string, Buffer][] = [
              ['.br', await brotli(text, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: text.length } })],
              ['.gz', await gzipped(text, { level: constants.Z_BEST_COMPRESSION })],
            ];
            for (const [ext, copy] of copies) if (copy.length < text.length) await fs.writeFile(file + ext, copy);
          }),
      );
    },
  };
}
