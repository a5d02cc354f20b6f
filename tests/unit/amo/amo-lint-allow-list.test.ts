import { describe, expect, it } from 'vitest';
import { judgeFindings, type LintFinding } from '../../../scripts/amo-lint-allow-list';

const ZOD_PROBE = 'var fe=h(()=>{if(E.jitless||typeof navigator<`u`&&navigator?.userAgent?.includes(`Cloudflare`))return!1;try{return Function(``),!0}catch{return!1}});';
const PREACT_HTML = 'if(f)s||p&&(f.__html==p.__html||f.__html==e.innerHTML)||(e.innerHTML=f.__html),t.__k=[];';
const padded = (code: string) => `${'x'.repeat(500)}${code}${'y'.repeat(500)}`;
const at = (code: string, source: string, needle: string, file = 'background.js'): LintFinding => ({
  code,
  message: code,
  file,
  line: 1,
  column: source.indexOf(needle),
});

describe('AMO lint allow-list', () => {
  it("excuses zod's jitless-guarded Function probe and Preact's __html assignment", () => {
    const zod = padded(ZOD_PROBE);
    const preact = padded(PREACT_HTML);
    const sources: Record<string, string> = { 'background.js': zod, 'popup.js': preact };
    const judged = judgeFindings(
      [],
      [at('DANGEROUS_EVAL', zod, 'Function(``)'), at('UNSAFE_VAR_ASSIGNMENT', preact, 'e.innerHTML=f', 'popup.js')],
      (file) => sources[file] ?? null,
    );
    expect(judged.failing).toEqual([]);
    expect(judged.allowed.map((entry) => entry.allowance.dependency)).toEqual(['zod', 'preact']);
  });

  it('fails our own eval or innerHTML, any unlisted warning, and every error', () => {
    const ours = padded('function render(el,html){el.innerHTML=html;return new Function(html)}');
    const findings = [
      at('DANGEROUS_EVAL', ours, 'new Function'),
      at('UNSAFE_VAR_ASSIGNMENT', ours, 'el.innerHTML'),
      { code: 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION', message: 'min version', file: 'manifest.json' },
    ];
    const error: LintFinding = { code: 'MANIFEST_FIELD_REQUIRED', message: 'missing' };
    const judged = judgeFindings([error], findings, () => ours);
    expect(judged.allowed).toEqual([]);
    expect(judged.failing.map((finding) => finding.code)).toEqual(['MANIFEST_FIELD_REQUIRED', 'DANGEROUS_EVAL', 'UNSAFE_VAR_ASSIGNMENT', 'KEY_FIREFOX_UNSUPPORTED_BY_MIN_VERSION']);
  });

  it('does not excuse a probe-shaped Function call that is not behind jitless', () => {
    const unguarded = padded('try{return Function(``),!0}catch{return!1}');
    const judged = judgeFindings([], [at('DANGEROUS_EVAL', unguarded, 'Function(``)')], () => unguarded);
    expect(judged.failing).toHaveLength(1);
  });
});
