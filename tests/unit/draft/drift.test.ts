import { describe, expect, it } from 'vitest';
import { createDraftState } from '../../../src/draft/create-draft';
import { DRIFT_HEADLINE, DRIFT_SAMPLE_LIMIT, driftWarning, emptyDrift, observeDrift } from '../../../src/draft/drift';
import { reduceDraftSession, type DraftSession } from '../../../src/draft/session';
import type { DraftKey } from '../../../src/draft/types';
import type { Direction } from '../../../src/protocol/events';
import { parseFrame } from '../../../src/protocol/parse-frame';
import { loadSessionA } from '../protocol/session-a-fixture';
import { KEY, T0 } from './draft-fixture';

const SWID = '{3F2504E0-4F89-41D3-9A0C-0305E82C3301}';

function feed(texts: ReadonlyArray<string | [string, Direction]>, from: DraftSession = { state: createDraftState(KEY, T0), drift: emptyDrift() }): DraftSession {
  let session = from;
  let now = T0;
  for (const item of texts) {
    const [text, direction] = typeof item === 'string' ? [item, 'in' as const] : item;
    now += 1000;
    session = reduceDraftSession(session, parseFrame(text, direction), now).session;
  }
  return session;
}

const sessionA = loadSessionA();
const SESSION_A_KEY: DraftKey = { game: 'ffl', leagueId: '123456789', seasonId: 2025 };
const sessionAFrames = (): Array<[string, Direction]> => sessionA.frames.map((frame) => [frame.data, frame.dir]);

describe('protocol drift', () => {
  it('counts nothing over the whole of real session A, so a warning means something', () => {
    const session = feed(sessionAFrames(), { state: createDraftState(SESSION_A_KEY, T0), drift: emptyDrift() });
    expect(session.state.picks).toHaveLength(22);
    expect(session.drift).toEqual(emptyDrift());
    expect(driftWarning(session.drift)).toBeNull();
  });

  it('counts unknown frame types, frames that fail validation, an INIT that does not decode, and an unknown CLOCK state', () => {
    const { drift } = feed([
      'FROBNICATE 1 2\n',
      `WHOAMI ${SWID}\n`,
      'SELECTED 1 abc 4\n',
      'INIT !!!not-base64!!! ####\n',
      'INIT AAAAAQAAAAE= ####\n',
      'CLOCK 9 1 2 3\n',
      'CLOCK 6 1000\n',
    ]);
    expect(drift.counters).toEqual({
      unknownFrames: 2,
      invalidFrames: 1,
      undecodableInits: 2,
      rejectedInits: 0,
      unknownClocks: 2,
      auctionFramesInSnakeDraft: 0,
    });
  });

  it("does not count ESPN's own client commands, which the page sends and we do not model", () => {
    const { drift } = feed([['NOMINATE 4362628 1\n', 'out'], ['LEAVE\n', 'out'], ['PRENOMINATE 1 1 2 1\n', 'out'], ['BID 4362628 5\n', 'out']]);
    expect(drift).toEqual(emptyDrift());
  });

  it('counts a decoded INIT that fails the consistency checks (here: another league)', () => {
    const initFrame = sessionA.frames.find((frame) => frame.data.startsWith('INIT '))!.data;
    const { drift, state } = feed([initFrame], { state: createDraftState({ ...SESSION_A_KEY, leagueId: '42' }, T0), drift: emptyDrift() });
    expect(state.hasSnapshot).toBe(false);
    expect(drift.counters.rejectedInits).toBe(1);
  });

  it('counts auction frames in a draft whose snapshot showed a snake table, and leaves the draft alone', () => {
    const snake = feed(sessionAFrames().slice(0, 10), { state: createDraftState(SESSION_A_KEY, T0), drift: emptyDrift() });
    const after = feed(['NOMINATION 3 30000\n', 'SOLD 3 4362628 0 12 0\n'], snake);
    expect(after.state).toBe(snake.state);
    expect(after.drift.counters.auctionFramesInSnakeDraft).toBe(2);
  });

  it('keeps only the last few samples, redacted, with ESPN command words only', () => {
    const { drift } = feed(Array.from({ length: 8 }, (_, i) => (i === 7 ? `SELECTED 1 ${SWID} 4\n` : `NEWTHING${'X'.repeat(i)} ${SWID}\n`)));
    expect(drift.samples).toHaveLength(DRIFT_SAMPLE_LIMIT);
    expect(drift.samples.at(-1)).toMatchObject({ kind: 'invalidFrames', command: 'SELECTED' });
    expect(JSON.stringify(drift)).not.toContain('3F2504E0');
    const garbled = feed([`${SWID} 1\n`]).drift;
    expect(garbled.samples[0]?.command).toBe('(unreadable)');
    expect(JSON.stringify(garbled)).not.toContain('3F2504E0');
  });

  it('returns the very same session for routine frames', () => {
    const live = feed(sessionAFrames().slice(0, 60), { state: createDraftState(SESSION_A_KEY, T0), drift: emptyDrift() });
    const step = reduceDraftSession(live, parseFrame('PONG PING%201756607417674\n', 'in'), T0);
    expect(step.session).toBe(live);
  });
});

describe('driftWarning', () => {
  it('says nothing for a clean (or older, uncounted) record', () => {
    expect(driftWarning(emptyDrift())).toBeNull();
    expect(driftWarning(undefined)).toBeNull();
  });

  it('says in plain words that picks may be incomplete, with the counts', () => {
    const drift = observeDrift(observeDrift(emptyDrift(), parseFrame('NEW 1\n', 'in'), [], T0), parseFrame('CLOCK 8 1\n', 'in'), [], T0);
    expect(driftWarning(drift)).toEqual({
      headline: DRIFT_HEADLINE,
      details: ['1 frame of an unknown type', '1 clock in an unknown state'],
    });
    expect(DRIFT_HEADLINE).toBe('ESPN changed something; picks may be incomplete');
  });
});
