import { describe, expect, it } from 'vitest';
import { redactBatchInPlace } from '../../../src/relay/redact-batch';
import { parseDraftSocketUrl } from '../../../src/protocol/socket-url';

const SWID = '{00000000-0000-4000-8000-000000000002}';
const CODE = '-1234567890';
const ESPN_URL = `wss://fantasydraft.espn.com/game-1/league-123456789/JOIN?1=1&2=123456789&3=2&4=${SWID}&5=1:123456789:2:${SWID}:${CODE}&6=false&7=false&8=KONA&nocache=487371`;
const T = 1_756_607_000_000;

describe('redactBatchInPlace: the member secrets never leave the tab', () => {
  it('takes the SWID and code out of the socket URL, which still parses', () => {
    const batch: unknown[] = [{ k: 'open', sid: 's1', at: T, url: ESPN_URL }];
    redactBatchInPlace(batch);
    const url = (batch[0] as { url: string }).url;
    expect(url).not.toContain(CODE);
    expect(url).not.toContain('00000000-0000');
    expect(parseDraftSocketUrl(url)).toEqual({ gameId: 1, leagueId: 123456789, teamId: 2 });
  });

  it.each([
    [`TOKEN 1:123456789:2:${SWID}:${CODE}\n`, 'TOKEN 1:123456789:2\n'],
    [`TOKEN 1%3A123456789%3A2%3A${encodeURIComponent(SWID)}%3A${CODE}`, 'TOKEN 1:123456789:2'],
    [`TOKEN ${SWID}:${CODE}\n`, 'TOKEN\n'],
  ])('keeps only the public ids of TOKEN frame %j, in either direction', (data, expected) => {
    const batch: unknown[] = [
      { k: 'frame', sid: 's1', seq: 1, dir: 'in', at: T, data },
      { k: 'frame', sid: 's1', seq: 2, dir: 'out', at: T, data },
    ];
    redactBatchInPlace(batch);
    expect(batch.map((item) => (item as { data: string }).data)).toEqual([expected, expected]);
  });

  it('leaves other frames and items alone, and skips what is not an item', () => {
    const batch: unknown[] = [
      { k: 'frame', sid: 's1', seq: 1, dir: 'in', at: T, data: 'SELECTED 1 4362628 4\n' },
      { k: 'close', sid: 's1', at: T, code: 1006, reason: `TOKEN 1:2:3:${SWID}:${CODE}`, clean: false },
      null,
      'TOKEN 1:2:3:x:9',
      { k: 'frame', data: 42 },
    ];
    const before = structuredClone(batch);
    redactBatchInPlace(batch);
    expect(batch).toEqual(before);
  });
});
