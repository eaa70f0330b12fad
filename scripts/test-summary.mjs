#!/usr/bin/env node
// Sum the JSON reports in a folder (default .tmp/reports): Vitest and Playwright.
// Prints one line per suite, then exactly one closing line: `tests: N passed, M failed[, K skipped]`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? '.tmp/reports';
let files = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
} catch {
  // no reports at all: the totals stay 0
}

const total = { passed: 0, failed: 0, skipped: 0 };
for (const file of files) {
  const name = file.replace(/\.json$/, '');
  let r;
  try {
    r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (e) {
    console.log(`  ${name.padEnd(14)} unreadable report (${e.message}): counted as 1 failure`);
    total.failed += 1;
    continue;
  }
  let s;
  let note = '';
  if (r.stats && 'expected' in r.stats) {
    // Playwright: expected = passed, unexpected = failed, flaky = passed on retry
    const errors = Array.isArray(r.errors) ? r.errors.length : 0;
    s = { passed: r.stats.expected + (r.stats.flaky ?? 0), failed: r.stats.unexpected + errors, skipped: r.stats.skipped };
    if (r.stats.flaky) note += ` (${r.stats.flaky} flaky)`;
    if (errors) note += ` (${errors} run error${errors > 1 ? 's' : ''}, e.g. web server or config)`;
  } else if ('numTotalTests' in r) {
    // Vitest: a file that failed to load has no failed test but a failed suite: count it as one
    const brokenFiles = (r.testResults ?? []).filter(
      (t) => t.status === 'failed' && !(t.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    s = {
      passed: r.numPassedTests,
      failed: r.numFailedTests + brokenFiles,
      skipped: r.numPendingTests + (r.numTodoTests ?? 0),
    };
    if (brokenFiles) note += ` (${brokenFiles} test file${brokenFiles > 1 ? 's' : ''} failed to run)`;
  } else {
    console.log(`  ${name.padEnd(14)} unknown report format: counted as 1 failure`);
    total.failed += 1;
    continue;
  }
  if (s.passed + s.failed + s.skipped === 0) note += ' (no tests)';
  console.log(`  ${name.padEnd(14)} passed ${s.passed}  failed ${s.failed}  skipped ${s.skipped}${note}`);
  total.passed += s.passed;
  total.failed += s.failed;
  total.skipped += s.skipped;
}
if (files.length === 0) console.log('  (no test reports)');

console.log(
  `tests: ${total.passed} passed, ${total.failed} failed` + (total.skipped > 0 ? `, ${total.skipped} skipped` : ''),
);
