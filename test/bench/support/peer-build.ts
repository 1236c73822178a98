import { join } from 'node:path';
import { loadVite } from './dev-tools';

/** Builds the peer pages (test/bench/peers) for production with Vite into `outDir`. */
export async function buildPeers(root: string, outDir: string): Promise<void> {
  const vite = await loadVite();
  const peers = join(root, 'test/bench/peers');
  await vite.build({
    configFile: false,
    root: peers,
    base: './',
    logLevel: 'error',
    resolve: { alias: { '@shared': join(root, 'shared'), '@renderer': join(root, 'renderer') } },
    build: {
      outDir,
      emptyOutDir: true,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 100_000,
      rollupOptions: { input: { 'ag-grid': join(peers, 'ag-grid.html'), tanstack: join(peers, 'tanstack.html') } },
    },
  });
}
