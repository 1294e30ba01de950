// Prints the one plain line CI reads, "N passed, N failed", from vitest's
// JSON report plus the non-vitest gates (typecheck, size, publint, ...).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
if (existsSync('test-results/vitest.json')) {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  if (report.numTotalTests === 0) failed += 1; // a run that executed nothing is a failure
} else {
  failed += 1; // vitest never wrote its report
}
if (existsSync('test-results/gates.json')) {
  for (const gate of JSON.parse(readFileSync('test-results/gates.json', 'utf8'))) {
    if (gate.passed) passed += 1;
    else failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
