import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/**
 * One build for the three runtimes. The main bundle's entries: the Electron shell,
 * browser mode (`npm run serve`), the standalone Sandbox network (`npm run sandbox`)
 * and the test-data seeder; only the shell imports `electron`.
 */
const alias = {
  '@shared': resolve('shared'),
  '@services': resolve('electron/services'),
  '@renderer': resolve('renderer'),
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/shell/main.ts'),
          serve: resolve('electron/serve/cli.ts'),
          sandbox: resolve('electron/services/sandbox/cli.ts'),
          // Test and benchmark tool: fills a data folder with a synthetic backlog.
          seed: resolve('test/fixtures/seed-cli.ts'),
          bench: resolve('test/bench/run.ts'),
          'crash-test': resolve('test/crash/harness.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: bundle everything it needs.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
