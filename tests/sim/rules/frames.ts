/**
 * Text of every frame the simulated server sends (protocol.md §3), each ending in "\n".
 * A new frame type gets its builder here, then a caller in the engine or the join sequence.
 */
export const FRAME = {
  state: (state: 0 | 1 | 2): string => `STATE ${state}\n`,
  selecting: (teamId: number, timePerSelectionMs: number): string => `SELECTING ${teamId} ${timePerSelectionMs}\n`,
  /** No SWID: ESPN made the pick (autodraft, bot team or clock expiry). */
  selected: (teamId: number, playerId: number, spot: number, swid: string | null): string =>
    `SELECTED ${teamId} ${playerId} ${spot}${swid ? ` ${swid}` : ''}\n`,
  autodraft: (teamId: number, on: boolean): string => `AUTODRAFT ${teamId} ${on}\n`,
  joined: (teamId: number, swid: string | null): string => `JOINED ${teamId} ${swid}\n`,
  /** Reason 1: the member left; 2: kicked because the member joined elsewhere. */
  left: (teamId: number, swid: string | null, reason: 1 | 2): string => `LEFT ${teamId} ${swid} ${reason}\n`,
  clockPaused: (): string => 'CLOCK\n',
  clockLobby: (msToStart: number): string => `CLOCK 0 ${msToStart}\n`,
  clockPick: (msRemaining: number, teamId: number): string => `CLOCK 6 ${msRemaining} ${teamId}\n`,
  clockComplete: (): string => 'CLOCK 4\n',
  /** Commissioner reset: the pick table is gone (protocol.md §3.1). */
  reset: (): string => 'RESET\n',
  autosuggest: (playerId: number): string => `AUTOSUGGEST ${playerId}\n`,
  draftList: (queue: readonly number[]): string => `DRAFT_LIST${queue.length ? ' ' + queue.join(' ') : ''}\n`,
  token: (joinToken: string | null): string => `TOKEN ${joinToken}\n`,
  pong: (payload: string): string => `PONG ${payload}\n`,
  /** `message` is already in ESPN's encoding (see encodeMessage). */
  error: (encodedMessage: string): string => `ERROR 1 ${encodedMessage}\n`,
};

/** ESPN's ERROR text encoding: URL-encoded with '+' for spaces. */
export function encodeMessage(msg: string): string {
  return encodeURIComponent(msg).replace(/%20/g, '+').replace(/\(/g, '%28').replace(/\)/g, '%29');
}
