import type { z } from '../zod-setup';

/** Turns zod issues on a frame's argument list into one readable sentence per problem. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], argNames: readonly string[], argCount: number): string {
  return issues.map((issue) => describeIssue(issue, argNames, argCount)).join('; ');
}

function describeIssue(issue: z.core.$ZodIssue, argNames: readonly string[], argCount: number): string {
  const [index, ...inner] = issue.path;
  if (index === undefined) {
    if (issue.code === 'too_small') return `expected at least ${String(issue.minimum)} arguments, got ${argCount}`;
    if (issue.code === 'too_big') return `expected at most ${String(issue.maximum)} arguments, got ${argCount}`;
    return issue.message;
  }
  const position = typeof index === 'number' ? index : Number(index);
  const name = argNames[position] ?? argNames[argNames.length - 1] ?? 'argument';
  const part = inner.length > 0 ? ` part ${inner.map((p) => (typeof p === 'number' ? p + 1 : String(p))).join('.')}` : '';
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'array') return `${name} (argument ${position + 1})${part}: wrong number of parts`;
  return `${name} (argument ${position + 1})${part}: ${issue.message}`;
}
