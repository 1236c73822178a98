import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface BuildSnapshot {
  /** Root of the copy: `out/main/serve.js` and `out/renderer` live under it. */
  readonly root: string;
  remove(): void;
}

/**
 * A private copy of the build, so a rebuild while a long run is going (another
 * `npm run build` in this checkout) cannot hand browser mode a different version of
 * the code than the bench itself loaded. It sits inside the repository (bench/tmp) so
 * the copy still resolves the project's node_modules.
 */
export function snapshotBuild(repoRoot: string): BuildSnapshot {
  const parent = join(repoRoot, 'bench', 'tmp');
  mkdirSync(parent, { recursive: true });
  const root = mkdtempSync(join(parent, 'build-'));
  for (const part of ['main', 'renderer']) cpSync(join(repoRoot, 'out', part), join(root, 'out', part), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
