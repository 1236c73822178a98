// Totals the suites `npm test` ran into one closing line for CI.
// Typecheck and lint count as one check each; they ran and passed if the unit suite ran.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 1);
const read = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
let passed = 0;
let failed = 0;
const lines = [];

const unit = read('test-results/unit.json');
if (unit) {
  passed += 2;
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unit.numFailedTestSuites > 0 && unit.numFailedTests === 0 ? unit.numFailedTestSuites : 0);
  lines.push(`static checks: 2 passed`, `unit and integration: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else {
  failed += 1;
  lines.push('static checks (typecheck, lint) or the unit suite failed before reporting');
}

const e2e = read('test-results/e2e.json');
if (e2e) {
  const { expected = 0, unexpected = 0, flaky = 0 } = e2e.stats ?? {};
  passed += expected + flaky;
  failed += unexpected;
  lines.push(`end-to-end: ${expected + flaky} passed, ${unexpected} failed`);
} else if (unit) {
  failed += 1;
  lines.push('end-to-end suite did not report');
}

const bench = read('test-results/bench.json');
if (bench) {
  passed += bench.numPassedTests;
  failed += bench.numFailedTests;
  lines.push(`benchmark smoke run: ${bench.numPassedTests} passed, ${bench.numFailedTests} failed`);
} else if (e2e) {
  failed += 1;
  lines.push('benchmark smoke run did not report');
}

if (status !== 0 && failed === 0) failed = 1;
for (const line of lines) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
