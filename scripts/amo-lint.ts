/**
 * Runs `web-ext lint` (AMO's own linter) on the Firefox build and fails on any error, and on any
 * warning or notice that scripts/amo-lint-allow-list.ts does not excuse with a reason.
 *   npm run build:firefox && node --import tsx scripts/amo-lint.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { judgeFindings, type LintFinding } from './amo-lint-allow-list';

const buildDir = resolve(process.argv[2] ?? '.output/firefox-mv3');
if (!existsSync(join(buildDir, 'manifest.json'))) {
  console.error(`No Firefox build at ${buildDir}; run \`npm run build:firefox\` first.`);
  process.exit(1);
}

const webExt = resolve('node_modules/.bin/web-ext');
let output: string;
try {
  output = execFileSync(webExt, ['lint', '--source-dir', buildDir, '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
} catch (error) {
  // web-ext exits non-zero when there are errors; the JSON report is still on stdout.
  output = String((error as { stdout?: string }).stdout ?? '');
}
const report = JSON.parse(output) as { errors: LintFinding[]; warnings: LintFinding[]; notices: LintFinding[] };
const judged = judgeFindings(report.errors, [...report.warnings, ...report.notices], (file) => {
  const path = join(buildDir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
});

const where = (finding: LintFinding) => `${finding.file ?? '?'}:${finding.line ?? '?'}:${finding.column ?? '?'}`;
console.log(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices; ` +
    `${judged.allowed.length} allowed (dependencies), ${judged.failing.length} failing`,
);
for (const { finding, allowance } of judged.allowed) console.log(`  allowed  ${finding.code} ${where(finding)} (${allowance.dependency}): ${allowance.reason}`);
for (const finding of judged.failing) console.log(`  FAILING  ${finding.code} ${where(finding)}: ${finding.message}`);
process.exit(judged.failing.length === 0 ? 0 : 1);
