import { buildInitSnapshot } from './init/build-snapshot';
import { encodeInit } from './init/encode-init';
import { formatInitFrame } from './init/format-init-frame';
import type { DraftEngine } from './engine/draft-engine';

/**
 * The `INIT <base64> <2048 #>\n` frame a socket joining for `teamId` receives now: the whole
 * room with every pick made so far filled in (state 0 before, 1 during, 2 after the draft).
 */
export function initFrameFor(engine: DraftEngine, teamId: number): string {
  return formatInitFrame(encodeInit(buildInitSnapshot(engine.initOptions(teamId))));
}
