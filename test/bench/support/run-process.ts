import { spawn } from 'node:child_process';

/** Runs a program to completion with `input` on stdin; rejects with its stderr on failure. */
export function runProcess(command: string, args: readonly string[], input = ''): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command} exited with ${code}: ${stderr.slice(0, 2000)}`))));
    // A program that exits without reading its input (`--version`) closes the pipe: its exit code tells the story.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}
