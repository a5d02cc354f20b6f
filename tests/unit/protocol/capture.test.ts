import { describe, expect, it } from 'vitest';
import { anonymizedCapture } from '../../../src/protocol/capture';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { RECENT_FRAME_BYTE_LIMIT, RecentFrameRing, recentFrameBytes, type RecentFrame } from '../../../src/protocol/recent-frames';
import { loadSessionA, sessionAInitFrame } from './session-a-fixture';

// Session A's frames with "live" secrets put back: each fixture placeholder SWID becomes a
// realistic random GUID, and the fixture's security code a different one, as a real session has.
const REAL_SWIDS = new Map<number, string>([
  [1, '{3F2504E0-4F89-41D3-9A0C-0305E82C3301}'],
  [2, '{9B1DEB4D-3B7D-4BAD-9BDD-2B0D7B3DCB6D}'],
  [3, '{1B4E28BA-2FA1-41D2-883F-0016D3CCA427}'],
  [4, '{6FA459EA-EE8A-4CA4-894E-DB77E160355E}'],
  [5, '{16FD2706-8BAF-433B-82EB-8C7FADA847DA}'],
  [7, '{886313E1-3B8A-4372-9B90-0C9AEE199E5D}'],
  [8, '{C56A4180-65AA-42EC-A945-5FD21DEC0538}'],
  [9, '{A8098C1A-F86E-41D3-BE4B-FE5A7A2C8E1B}'],
  [10, '{E902893A-9D22-4C7D-A7E4-2B4F0AA17B29}'],
]);
const SECURITY_CODE = '-987654321';
const ESPN_S2 = 'AEBx7%2F9kQ2zT0wYp3bL5nR8vC1dF4gH6jK9mN2qS5uV8xZ0aC3eG6iK9mP2rT5wY8zB1dE4gJ7kM0nQ3sU6vX9yA2cF5hI8jL1oR4tW7zB0eH3kN6pS9uX2aD5gJ8mP1sV4yB7eH0kN3qT6wZ9';
const BEARER = 'Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ0ZXN0dXNlciJ9.c2lnbmF0dXJlc2lnbmF0dXJl';

function withRealSecrets(text: string): string {
  return text
    .replace(/\{00000000-0000-4000-8000-0000000000(\d\d)\}/g, (_m, n: string) => REAL_SWIDS.get(Number(n)) ?? _m)
    .replace('-1234567890', SECURITY_CODE);
}

const { meta, frames: fixtureFrames } = loadSessionA();
const T0 = Date.UTC(2025, 7, 31, 2, 30, 16, 527);
const SOCKET_URL = withRealSecrets(meta.url);
const LEAKS = [...REAL_SWIDS.values()];

function sessionFrames(): RecentFrame[] {
  return fixtureFrames.map((frame) => ({ at: T0 + Math.round(frame.t * 1000), direction: frame.dir, text: withRealSecrets(frame.data) }));
}

/** Frames a changed protocol might send, each carrying a secret in a different spelling. */
function hostileFrames(at: number): RecentFrame[] {
  const swid = REAL_SWIDS.get(2)!;
  const bare = swid.slice(1, -1);
  return [
    { at, direction: 'in', text: `TOKEN 1:123456789:2:${swid}:${SECURITY_CODE}\n` },
    { at, direction: 'in', text: `REJOIN ${SOCKET_URL}\n` },
    { at, direction: 'in', text: `WHOAMI ${bare.toLowerCase()} %7B${bare}%7D\n` },
    { at, direction: 'in', text: `SESSION espn_s2=${ESPN_S2}; SWID=${swid}\n` },
    { at, direction: 'in', text: `AUTH ${BEARER}\n` },
    { at, direction: 'in', text: `CHAT 1756607500000 ${swid} my email is someone@example.com\n` },
    { at, direction: 'in', text: `SECURITY ${SECURITY_CODE}\n` },
    { at, direction: 'out', text: `JOIN 1:123456789:2%3A${encodeURIComponent(swid)}%3A${SECURITY_CODE}\n` },
  ];
}

function capture(frames: RecentFrame[]): string {
  return anonymizedCapture({ frames, socketUrl: SOCKET_URL, myTeamId: 2, notes: [`seen ${REAL_SWIDS.get(3)!}`], source: 'Draft Watch test' });
}

describe('anonymizedCapture', () => {
  it('holds no SWID, join token, security code, cookie, bearer token or chat text, in any spelling', () => {
    const frames = [...sessionFrames(), ...hostileFrames(T0 + 400_000)];
    // The input really does carry the secrets (otherwise this test could not fail).
    const input = JSON.stringify(frames);
    expect(input).toContain(SECURITY_CODE);
    expect(input).toContain(REAL_SWIDS.get(2)!);

    const text = capture(frames);
    const lower = text.toLowerCase();
    for (const swid of LEAKS) {
      const bare = swid.slice(1, -1).toLowerCase();
      expect(lower).not.toContain(bare);
      expect(lower).not.toContain(bare.replace(/-/g, ''));
    }
    expect(text).not.toContain(SECURITY_CODE);
    expect(text).not.toContain(SECURITY_CODE.slice(1));
    expect(text).not.toContain(ESPN_S2.slice(0, 40));
    expect(text).not.toContain('eyJhbGciOiJSUzI1NiJ9');
    expect(text).not.toContain('someone@example.com');
  });

  it('drops a join token\'s security code even when the socket URL (and so the code) is unknown', () => {
    const swid = REAL_SWIDS.get(5)!;
    const text = anonymizedCapture({
      frames: [
        { at: T0, direction: 'in', text: `REJOIN 1:123456789:5:${swid}:-555666777\n` },
        { at: T0 + 1, direction: 'in', text: `REJOIN 1%3A123456789%3A5%3A${encodeURIComponent(swid)}%3A48151623\n` },
      ],
      socketUrl: null,
      myTeamId: 5,
      source: 'x',
    });
    expect(text).not.toContain('555666777');
    expect(text).not.toContain('48151623');
    expect(text).toContain('REJOIN 1:123456789:5\\n');
  });

  it('writes the shared fixtures format: a meta line, then t/dir/data per frame with the newline kept', () => {
    const text = capture(sessionFrames());
    const lines = text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(fixtureFrames.length + 1);
    expect(lines[0]).toMatchObject({ meta: { myTeamId: 2, t0: new Date(T0 + 147).toISOString() } });
    expect(Object.keys(lines[0]!)).toEqual(['meta']);
    const first = lines[1] as { t: number; dir: string; data: string };
    expect(Object.keys(first)).toEqual(['t', 'dir', 'data']);
    expect(first.t).toBe(0);
    const last = lines.at(-1) as { t: number; data: string };
    expect(last.t).toBeCloseTo(fixtureFrames.at(-1)!.t - fixtureFrames[0]!.t, 3);
    expect(last.data).toBe('CLOCK 6 20240 3\n');
  });

  it('keeps every frame readable: the same events as the original (TOKEN keeps its public ids)', () => {
    const frames = sessionFrames();
    const lines = capture(frames).trimEnd().split('\n').slice(1).map((line) => JSON.parse(line) as { dir: 'in' | 'out'; data: string });
    lines.forEach((line, i) => {
      const original = parseFrame(frames[i]!.text, frames[i]!.direction);
      const anonymized = parseFrame(line.data, line.dir);
      expect(anonymized.type).toBe(original.type);
      if (original.type !== 'joined' && original.type !== 'left' && original.type !== 'selected') {
        expect(anonymized).toEqual(original);
      }
    });
  });

  it('keeps the INIT blob byte for byte, since it holds no text', () => {
    const text = capture(sessionFrames());
    expect(text).toContain(JSON.stringify(sessionAInitFrame()));
  });

  it("numbers members after their team, as the fixtures do", () => {
    const text = capture(sessionFrames());
    expect(text).toContain('SELECTED 1 4362628 4 {00000000-0000-4000-8000-000000000001}');
    expect(text).toContain('JOINED 8 {00000000-0000-4000-8000-000000000008}');
    expect(text).toContain('TOKEN 1:123456789:2\\n');
  });

  it('withholds an INIT blob that seems to hold a member id', () => {
    const swid = REAL_SWIDS.get(4)!;
    const blob = new TextEncoder().encode(`xxxx${swid}yyyy`);
    const base64 = btoa(String.fromCharCode(...blob));
    const text = capture([{ at: T0, direction: 'in', text: `INIT ${base64} ${'#'.repeat(2048)}\n` }]);
    expect(text).toContain('INIT [withheld');
    expect(text).not.toContain(base64);
  });

  it('captures nothing but the meta line when there are no frames', () => {
    const text = anonymizedCapture({ frames: [], socketUrl: null, myTeamId: null, source: 'x' });
    expect(text.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

const clockFrame = (i: number): RecentFrame => ({ at: i, direction: 'in', text: `CLOCK 6 ${i} 1\n` });

describe('RecentFrameRing', () => {
  it('keeps the newest frames up to the limit; a list it handed out never changes afterwards', () => {
    const ring = new RecentFrameRing(5);
    for (let i = 0; i < 7; i++) {
      const before = ring.toArray();
      ring.push(clockFrame(i));
      expect(before).toHaveLength(Math.min(i, 5));
      expect(before.map((frame) => frame.at)).toEqual(Array.from({ length: Math.min(i, 5) }, (_, k) => Math.max(0, i - 5) + k));
    }
    expect(ring.toArray().map((frame) => frame.at)).toEqual([2, 3, 4, 5, 6]);
  });

  it('stays in order, oldest first, after wrapping around many times', () => {
    const ring = new RecentFrameRing(3);
    for (let i = 0; i < 1000; i++) ring.push(clockFrame(i));
    expect(ring.toArray().map((frame) => frame.at)).toEqual([997, 998, 999]);
    expect(ring.size).toBe(3);
    expect(ring.bytes).toBe(ring.toArray().reduce((sum, frame) => sum + recentFrameBytes(frame), 0));
  });

  it('drops the oldest frames once their text passes the byte limit, counting 2 bytes per UTF-16 unit', () => {
    const ring = new RecentFrameRing(400, 100);
    const frame = (at: number, chars: number): RecentFrame => ({ at, direction: 'in', text: 'x'.repeat(chars) });
    ring.push(frame(1, 20)); // 40 bytes
    ring.push(frame(2, 20)); // 80
    expect(ring.toArray().map((f) => f.at)).toEqual([1, 2]);
    ring.push(frame(3, 10)); // 100: at the limit, still kept
    expect(ring.toArray().map((f) => f.at)).toEqual([1, 2, 3]);
    ring.push(frame(4, 1)); // 102: the oldest goes
    expect(ring.toArray().map((f) => f.at)).toEqual([2, 3, 4]);
    expect(ring.bytes).toBe(62);
    // One frame larger than the whole budget replaces everything, but is itself kept.
    ring.push(frame(5, 80));
    expect(ring.toArray().map((f) => f.at)).toEqual([5]);
    expect(ring.bytes).toBe(160);
    ring.push(frame(6, 1));
    expect(ring.toArray().map((f) => f.at)).toEqual([6]);
  });

  it('never holds more than the default byte limit of 1 MiB frames, whatever their count', () => {
    const ring = new RecentFrameRing();
    const big = 'y'.repeat(512 * 1024); // 1 MiB counted
    for (let i = 0; i < 20; i++) ring.push({ at: i, direction: 'in', text: big });
    expect(ring.bytes).toBeLessThanOrEqual(RECENT_FRAME_BYTE_LIMIT);
    expect(ring.size).toBe(RECENT_FRAME_BYTE_LIMIT / (1024 * 1024));
    expect(ring.toArray().at(-1)!.at).toBe(19);
  });

  it('forgets everything on clear and works again afterwards', () => {
    const ring = new RecentFrameRing(3);
    for (let i = 0; i < 5; i++) ring.push(clockFrame(i));
    ring.clear();
    expect(ring.toArray()).toEqual([]);
    expect(ring.size).toBe(0);
    expect(ring.bytes).toBe(0);
    ring.push(clockFrame(9));
    expect(ring.toArray().map((frame) => frame.at)).toEqual([9]);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => new RecentFrameRing(0)).toThrow(RangeError);
    expect(() => new RecentFrameRing(2.5)).toThrow(RangeError);
  });
});
