import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { precompress } from './build/precompress';

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand (stack gotcha 13): each component and its CSS land in the chunk
    // of the route that uses it, so the login page does not pay for the whole library.
    Components({
      // Only Element Plus is resolved implicitly; the app's own components are imported by name.
      dirs: [],
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: 'src/components.d.ts',
    }),
    precompress(),
  ],
  define: {
    // vue-i18n feature flags: composition API only, so the legacy API is tree-shaken away.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  test: {
    // Element Plus components import their CSS; inlined, Vite handles those imports instead of Node.
    server: { deps: { inline: ['element-plus'] } },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080', '/healthz': 'http://127.0.0.1:8080' } },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // The shared contracts only declare schemas and constants. Saying so lets the bundler keep
      // just the modules a chunk uses: the login page takes the error codes, not zod and every schema.
      treeshake: { moduleSideEffects: [{ test: /packages[\\/]contracts[\\/]src[\\/]/, sideEffects: false }] },
    },
  },
});
