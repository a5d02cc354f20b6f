import { describe, expect, it } from 'vitest';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { redactForLog, redactFrameText, redactSocketUrl, redactTokenFrame } from '../../../src/contract/redact';
import { parseDraftSocketUrl } from '../../../src/protocol/socket-url';
import { loadSessionA } from './session-a-fixture';

const SWID = '{00000000-0000-4000-8000-000000000002}';
const CODE = '-1234567890';
const RAW_URL = loadSessionA().meta.url;

function expectNoSecret(text: string): void {
  expect(text).not.toContain('1234567890');
  expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
}

describe('redactSocketUrl', () => {
  it('replaces the SWID and the token secret but keeps every public id', () => {
    expect(RAW_URL).toContain(CODE);
    const redacted = redactSocketUrl(RAW_URL);
    expect(redacted).toBe(
      'wss://fantasydraft.espn.com/game-1/league-123456789/JOIN?1=1&2=123456789&3=2&4=[swid]&5=1:123456789:2:[swid]:[code]&6=false&7=false&8=KONA&nocache=487371',
    );
    expectNoSecret(redacted);
  });

  it('is idempotent and keeps the URL parseable', () => {
    const once = redactSocketUrl(RAW_URL);
    expect(redactSocketUrl(once)).toBe(once);
    expect(parseDraftSocketUrl(once)).toEqual({ gameId: 1, leagueId: 123456789, teamId: 2 });
  });

  it('handles percent-encoded SWIDs and separators, lowercase GUIDs and the long-poll token param', () => {
    const url =
      'https://fantasydraft.espn.com/game-3/league-55/PING?1=3&4=%7Babcdef00-1111-2222-3333-444455556666%7D&token=3%3A55%3A4%3A%7BABCDEF00-1111-2222-3333-444455556666%7D%3A987654321#frag';
    const redacted = redactSocketUrl(url);
    expect(redacted).toBe('https://fantasydraft.espn.com/game-3/league-55/PING?1=3&4=[swid]&token=3:55:4:[swid]:[code]#frag');
  });

  it('scrubs SWIDs outside the known params, and leaves URLs without a query alone', () => {
    expect(redactSocketUrl(`https://fantasy.espn.com/football/draft?leagueId=1&memberId=${SWID}`)).toBe(
      'https://fantasy.espn.com/football/draft?leagueId=1&memberId=[swid]',
    );
    expect(redactSocketUrl('wss://espn.connections.edge.bamgrid.com/')).toBe('wss://espn.connections.edge.bamgrid.com/');
  });

  it('drops a token whose public part is not numeric', () => {
    expect(redactSocketUrl(`wss://x/?5=abc:${SWID}:${CODE}`)).toBe('wss://x/?5=[swid]:[code]');
  });
});

describe('redactFrameText / redactTokenFrame', () => {
  it('keeps TOKEN g:L:T and the newline, dropping SWID and code', () => {
    const frame = `TOKEN 1:123456789:2:${SWID}:${CODE}\n`;
    expect(redactFrameText(frame)).toBe('TOKEN 1:123456789:2\n');
    expect(redactTokenFrame(frame)).toBe('TOKEN 1:123456789:2\n');
    expect(parseFrame(redactFrameText(frame), 'in')).toEqual({ type: 'token', gameId: 1, leagueId: 123456789, teamId: 2 });
  });

  it.each([
    [`TOKEN 1:2:x:${SWID}:${CODE}`, 'TOKEN 1:2'],
    [`TOKEN ${CODE}`, 'TOKEN'],
    [`TOKEN  1:2:3:${SWID}:${CODE} ${SWID} ${CODE}\n`, 'TOKEN 1:2:3\n'],
    [`TOKEN:1:2:3:${SWID}:${CODE}`, 'TOKEN 1:2:3'],
    ['TOKEN', 'TOKEN'],
  ])('%j → %j', (frame, redacted) => {
    expect(redactFrameText(frame)).toBe(redacted);
    expectNoSecret(redactFrameText(frame));
  });

  it('passes other frames through untouched', () => {
    const selected = `SELECTED 2 4430807 2 ${SWID}\n`;
    expect(redactFrameText(selected)).toBe(selected);
  });
});

describe('redactForLog', () => {
  it('replaces every SWID and token secret in free text', () => {
    const line = `joined ${SWID} via TOKEN 1:123456789:2:${SWID}:${CODE}; url 5=1:123456789:2:${SWID}:${CODE}&4=%7B00000000-0000-4000-8000-000000000002%7D`;
    const redacted = redactForLog(line);
    expect(redacted).toBe('joined {SWID} via TOKEN 1:123456789:2; url 5=1:123456789:2:{SWID}:[code]&4={SWID}');
    expectNoSecret(redacted);
    expect(redactForLog(redacted)).toBe(redacted);
  });

  it('leaves ordinary text and the word TOKEN alone', () => {
    expect(redactForLog('missing TOKEN frame after 12:30:45')).toBe('missing TOKEN frame after 12:30:45');
    expect(redactForLog('SELECTED 2 4430807 2')).toBe('SELECTED 2 4430807 2');
  });

  it('scrubs every frame of session A', () => {
    for (const { data } of loadSessionA().frames) expectNoSecret(redactForLog(data));
  });
});
