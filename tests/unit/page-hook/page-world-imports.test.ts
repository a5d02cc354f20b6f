import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The MAIN-world hook runs inside ESPN's page: it may load only zod-free, polyfill-free code.
 * Type-only imports are erased by the compiler, so only value imports are followed.
 */
const ENTRY = resolve('entrypoints/draft-hook.content.ts');
const VALUE_IMPORT = /^import\s+(?!type\b)(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function runtimeImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, specifier] of readFileSync(file, 'utf8').matchAll(VALUE_IMPORT)) {
    if (specifier === undefined) continue;
    if (!specifier.startsWith('.')) seen.add(specifier);
    else runtimeImports(`${resolve(dirname(file), specifier)}.ts`, seen);
  }
  return seen;
}

describe('the MAIN-world page hook', () => {
  const modules = [...runtimeImports(ENTRY)].map((path) => path.replace(`${process.cwd()}/`, ''));

  it('reaches the hook and the zod-free contract files', () => {
    expect(modules).toEqual(
      expect.arrayContaining([
        'src/page-hook/socket-hook.ts',
        'src/contract/channel-handshake.ts',
        'src/contract/channel-limits.ts',
        'src/page-hook/draft-socket-prefix.ts',
      ]),
    );
  });

  it('loads no package and no zod schema file', () => {
    expect(modules.filter((path) => !path.startsWith('src/') && !path.startsWith('entrypoints/'))).toEqual([]);
    expect(modules.filter((path) => /zod-setup|contract\/(hook-items|page-context|messages|settings|draft-view|draft-state|page-fetch)\.ts$/.test(path))).toEqual([]);
  });
});
