import { describe, expect, it } from 'vitest';
import type { DraftEvent } from '../../../src/protocol/events';
import type { InitSnapshot } from '../../../src/protocol/init/init-types';
import { reduceDraft } from '../../../src/draft/reducer';
import { init, liveDraft, run, swid } from './draft-fixture';

const GUID = swid(7);

describe('reduceDraft: presence', () => {
  it('tracks autodraft on and off per team', () => {
    const live = liveDraft();
    const on = reduceDraft(live.state, { type: 'autodraft', teamId: 7, enabled: true }, live.now + 1).state;
    expect(on.teams.find((team) => team.teamId === 7)?.autodraft).toBe(true);
    expect(on.teams.filter((team) => team.autodraft)).toHaveLength(1);
    const off = reduceDraft(on, { type: 'autodraft', teamId: 7, enabled: false }, live.now + 2).state;
    expect(off.teams.find((team) => team.teamId === 7)?.autodraft).toBe(false);
    // Setting a flag to its current value is no change.
    expect(reduceDraft(off, { type: 'autodraft', teamId: 7, enabled: false }, live.now + 3).state).toBe(off);
  });

  it('tracks members joining and leaving', () => {
    const start = run([init({ offlineTeams: [8] })]);
    const joined = reduceDraft(start.state, { type: 'joined', teamId: 8, member: swid(8) }, start.now + 1).state;
    expect(joined.teams.find((team) => team.teamId === 8)?.online).toBe(true);
    const left = reduceDraft(joined, { type: 'left', teamId: 8, member: swid(8), reason: 1 }, start.now + 2);
    expect(left.state.teams.find((team) => team.teamId === 8)?.online).toBe(false);
    expect(left.log).toEqual([]);
    expect(JSON.stringify(left.state)).not.toContain('00000000-0000');
  });

  it('ignores presence for a team it does not know', () => {
    const live = liveDraft();
    expect(reduceDraft(live.state, { type: 'joined', teamId: 99, member: null }, live.now).state).toBe(live.state);
  });

  it('warns when this member was kicked by a duplicate connection', () => {
    const live = liveDraft();
    const step = reduceDraft(live.state, { type: 'left', teamId: 2, member: swid(2), reason: 2 }, live.now + 1);
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'connection' })]);
  });
});

describe('reduceDraft: frames it cannot use', () => {
  it('logs a malformed frame as an error without its raw text or member ids', () => {
    const live = liveDraft();
    const event: DraftEvent = {
      type: 'malformed',
      command: 'SELECTED',
      raw: `SELECTED x 4362628 4 ${GUID}\n`,
      error: `team id "x" is not a number in SELECTED x 4362628 4 ${GUID}`,
    };
    const step = reduceDraft(live.state, event, live.now + 1);
    expect(step.state).toBe(live.state);
    expect(step.log).toHaveLength(1);
    expect(step.log[0]).toMatchObject({ level: 'error', kind: 'malformed_frame' });
    expect(step.log[0]?.message).toContain('Could not read a SELECTED frame');
    expect(step.log[0]?.message).not.toContain('00000000-0000');
  });

  it('redacts a join token quoted in a malformed message', () => {
    const live = liveDraft();
    const token = `1:123456789:2:${swid(2)}:-1234567890`;
    const step = reduceDraft(live.state, { type: 'malformed', command: 'TOKEN', raw: `TOKEN ${token}`, error: `bad token ${token}` }, live.now);
    expect(step.log[0]?.message).not.toContain('-1234567890');
    expect(step.log[0]?.message).not.toContain('00000000-0000');
  });

  it('logs an unknown command as info and changes nothing', () => {
    const live = liveDraft();
    const step = reduceDraft(live.state, { type: 'unknown', command: 'NEWTHING', raw: `NEWTHING ${GUID}` }, live.now + 1);
    expect(step.state).toBe(live.state);
    expect(step.log).toEqual([expect.objectContaining({ level: 'info', kind: 'unknown_frame' })]);
    expect(step.log[0]?.message).toContain('NEWTHING');
    expect(step.log[0]?.message).not.toContain('00000000-0000');
  });

  it('logs an ESPN refusal as a warning', () => {
    const live = liveDraft();
    const message = 'Invalid selection team (3); team 1 is currently on the clock.';
    const step = reduceDraft(live.state, { type: 'error', code: 1, message }, live.now);
    expect(step.state).toBe(live.state);
    expect(step.log).toEqual([expect.objectContaining({ level: 'warn', kind: 'espn_error', message: expect.stringContaining(message) })]);
  });

  it('never throws, even for an event that breaks its own type', () => {
    const live = liveDraft();
    const broken = { type: 'init', snapshot: { leagueId: 123456789 } as unknown as InitSnapshot } as DraftEvent;
    const step = reduceDraft(live.state, broken, live.now + 1);
    expect(step.state).toBe(live.state);
    expect(step.log).toEqual([expect.objectContaining({ level: 'error', kind: 'internal' })]);
  });
});
