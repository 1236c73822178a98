import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURE_IDS } from './core/figure-ids';
import { resultsSchema } from './core/results-schema';

/**
 * CI's smoke run: `npm run bench -- --quick` must finish and write results in the
 * documented shape. No figure is held to its target here: speed targets live in the
 * bench's output, and a slow machine is not a broken bench.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'modboard-bench-quick-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('npm run bench -- --quick', () => {
  it('runs every group and writes results.json and results.md', () => {
    const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--quick', '--out-dir', out], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
    expect(run.status, run.stderr.slice(-4000)).toBe(0);

    const results = resultsSchema.parse(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')));
    expect(results.mode).toBe('quick');
    expect(results.errors).toEqual([]);
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.figures.map((f) => f.id).sort()).toEqual([...FIGURE_IDS].sort());
    for (const f of results.figures) {
      expect(f.samples.every(Number.isFinite), f.id).toBe(true);
      expect(f.n, f.id).toBe(f.samples.length);
    }

    const markdown = readFileSync(join(out, 'results.md'), 'utf8');
    expect(markdown).toContain('| figure | n | median | p95 | target |');
    for (const f of results.figures) expect(markdown).toContain(f.title);
  });
});
