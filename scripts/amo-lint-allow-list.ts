/**
 * `web-ext lint` findings AMO would show for the Firefox build, judged: anything from our own code
 * fails the check; a finding inside a dependency passes only when it is listed here with the reason
 * it is harmless and why no dependency option removes it.
 */
export interface LintFinding {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface AllowedFinding {
  code: string;
  /** Matches the built code around the finding's column, so a new finding of the same code is not excused. */
  context: RegExp;
  dependency: string;
  reason: string;
}

export const ALLOWED_DEPENDENCY_FINDINGS: readonly AllowedFinding[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    context: /__html[^;]{0,80}innerHTML/,
    dependency: 'preact',
    reason:
      "Preact's renderer implements the dangerouslySetInnerHTML prop with `innerHTML = props.__html`. The extension never " +
      'uses that prop (no source file names it), so the assignment never runs; Preact has no build option that leaves it out.',
  },
  {
    code: 'DANGEROUS_EVAL',
    context: /jitless[\s\S]{0,160}return Function\(``\)/,
    dependency: 'zod',
    reason:
      "zod's allowsEval probe (`Function('')`, to see whether it may compile fast parsers). src/zod-setup.ts sets " +
      '`z.config({ jitless: true })`, and the probe returns false on jitless before reaching Function, so nothing is ever ' +
      'evaluated; zod has no option that removes the probe from the bundle. It appears once per bundle that includes zod.',
  },
];

/** The text of the built file around the finding (the builds are minified into very long lines). */
export function findingContext(source: string, finding: LintFinding, radius = 160): string {
  const lines = source.split('\n');
  const line = lines[(finding.line ?? 1) - 1] ?? '';
  const column = finding.column ?? 0;
  return line.slice(Math.max(0, column - radius), column + radius);
}

export interface JudgedFindings {
  allowed: { finding: LintFinding; allowance: AllowedFinding }[];
  failing: LintFinding[];
}

/** Errors always fail; a warning or notice passes only when an allowance matches its code and context. */
export function judgeFindings(
  errors: readonly LintFinding[],
  warnings: readonly LintFinding[],
  readSource: (file: string) => string | null,
): JudgedFindings {
  const judged: JudgedFindings = { allowed: [], failing: [...errors] };
  for (const finding of warnings) {
    const source = finding.file ? readSource(finding.file) : null;
    const context = source === null ? '' : findingContext(source, finding);
    const allowance = ALLOWED_DEPENDENCY_FINDINGS.find((allowed) => allowed.code === finding.code && allowed.context.test(context));
    if (allowance) judged.allowed.push({ finding, allowance });
    else judged.failing.push(finding);
  }
  return judged;
}
