import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A folder this process cannot write to. As a normal user, chmod does it; as root
 * (CI containers), permissions do not bind, so it is a read-only tmpfs when the
 * container may mount one. Null when neither is possible here.
 */
export function readOnlyFolder(): { dir: string; cleanup(): void } | null {
  const dir = mkdtempSync(join(tmpdir(), 'modboard-readonly-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o555);
    return {
      dir,
      cleanup: () => {
        chmodSync(dir, 0o755);
        remove();
      },
    };
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    remove();
    return null;
  }
  return {
    dir,
    cleanup: () => {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      remove();
    },
  };
}
