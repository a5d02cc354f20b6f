import { describe, expect, it } from 'vitest';
import { quoteFrameText, redactSecrets } from '../../../src/draft/redact';

describe('redactSecrets', () => {
  it('removes member ids in braces, URL-encoded or bare', () => {
    const text = 'a {00000000-0000-4000-8000-000000000002} b %7B00000000-0000-4000-8000-000000000003%7D c 00000000-0000-4000-8000-00000000000a';
    const out = redactSecrets(text);
    expect(out).not.toMatch(/0000-4000/);
    expect(out).toMatch(/^a \{…\} b \{…\} c …$/);
  });

  it('removes a whole join token, security code included', () => {
    const out = redactSecrets('TOKEN 1:123456789:2:{00000000-0000-4000-8000-000000000002}:-1234567890');
    expect(out).toBe('TOKEN [token]');
  });

  it('leaves ordinary text and negative player ids alone', () => {
    expect(redactSecrets('player -16014 by team 4')).toBe('player -16014 by team 4');
  });
});

describe('quoteFrameText', () => {
  it('cuts long text', () => {
    const out = quoteFrameText('x'.repeat(5000));
    expect(out.length).toBeLessThanOrEqual(201);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('unknown frames with garbled commands', () => {
  it('never quote a garbled join token into the log', async () => {
    const { reduceDraft } = await import('../../../src/draft/reducer');
    const { createDraftState } = await import('../../../src/draft/create-draft');
    const { parseFrame } = await import('../../../src/protocol/parse-frame');
    const key = { game: 'ffl', leagueId: '123456789', seasonId: 2025 };
    for (const text of [
      'TOKENX:123456789:2:{00000000-0000-4000-8000-000000000002}:-1234567890\n',
      '1:123456789:2é:{00000000-0000-4000-8000-000000000002}:-1234567890\n',
    ]) {
      const { log } = reduceDraft(createDraftState(key, 0), parseFrame(text, 'in'), 0);
      expect(JSON.stringify(log)).not.toContain('1234567890');
      expect(JSON.stringify(log)).not.toContain('00000000-0000');
    }
  });
});
