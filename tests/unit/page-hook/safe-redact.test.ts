import { describe, expect, it } from 'vitest';
import { redactSocketUrlInPage, redactTokenFrameInPage } from '../../../src/page-hook/safe-redact';
import { redactSocketUrl, redactTokenFrame } from '../../../src/contract/redact';
import { parseDraftSocketUrl } from '../../../src/protocol/socket-url';

const SWID = '{00000000-0000-4000-8000-000000000002}';
const ESPN_URL = `wss://fantasydraft.espn.com/game-1/league-123456789/JOIN?1=1&2=123456789&3=2&4=${SWID}&5=1:123456789:2:${SWID}:-1234567890&6=false&7=false&8=KONA&nocache=487371`;

describe('the hook redacts without page-owned built-ins, as src/protocol/redact does', () => {
  const frames = [
    `TOKEN 1:123456789:2:${SWID}:-1234567890\n`,
    `TOKEN 1%3A123456789%3A2%3A${encodeURIComponent(SWID)}%3A-1234567890`,
    'TOKEN 1:123456789\n',
    'TOKEN\n',
    'TOKEN  :1:2:3:4\n',
    'TOKEN 12ab:3:4:5\n',
    `TOKEN ${SWID}:-1\n`,
    'TOKEN 1:2:3 extra words\n',
    'TOKEN \t1:2:3:x:y',
  ];
  it.each(frames)('TOKEN frame %j', (frame) => {
    expect(redactTokenFrameInPage(frame)).toBe(redactTokenFrame(frame));
  });

  it('gives the same URL as the worker-side redaction for an ESPN draft socket, still parseable', () => {
    const redacted = redactSocketUrlInPage(ESPN_URL);
    expect(redacted).toBe(redactSocketUrl(ESPN_URL));
    expect(redacted).not.toContain('-1234567890');
    expect(redacted).not.toContain('00000000-0000');
    expect(parseDraftSocketUrl(redacted)).toEqual({ gameId: 1, leagueId: 123456789, teamId: 2 });
  });

  it('drops any query value that is not plain letters and digits, and a path with braces or escapes', () => {
    const odd = `wss://fantasydraft.espn.com/game-1/league-1/JOIN?swid=${encodeURIComponent(SWID)}&x=a-b&token=1:1:2:${SWID}:9&flag`;
    expect(redactSocketUrlInPage(odd)).toBe('wss://fantasydraft.espn.com/game-1/league-1/JOIN?swid=[redacted]&x=[redacted]&token=1:1:2:[swid]:[code]&flag');
    expect(redactSocketUrlInPage(`wss://fantasydraft.espn.com/${SWID}/JOIN?3=2`)).toBe('wss://fantasydraft.espn.com/[redacted]?3=2');
    expect(redactSocketUrlInPage('wss://fantasydraft.espn.com/game-1/league-1/JOIN')).toBe('wss://fantasydraft.espn.com/game-1/league-1/JOIN');
  });
});
