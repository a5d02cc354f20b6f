import { decodeInit } from '../../../src/protocol/init/decode-init';
import { parseInitFrameText } from '../../../src/protocol/init/init-frame';
import type { InitSnapshot } from '../../../src/protocol/init/init-types';
import { sessionAInitFrame } from './session-a-fixture';

/** Session A's INIT blob, decoded from the shared fixture each call (callers may mutate it). */
export function sessionABlob(): Uint8Array {
  const parsed = parseInitFrameText(sessionAInitFrame());
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.bytes;
}

export function sessionASnapshot(): InitSnapshot {
  const decoded = decodeInit(sessionABlob());
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.snapshot;
}

export function int32At(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(offset);
}

export function setInt32At(bytes: Uint8Array, offset: number, value: number): void {
  new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setInt32(offset, value);
}

/** Byte offsets in session A, from init-format.md §3 (checked by the tests that use them). */
export const SESSION_A_OFFSETS = {
  draft: 16,
  status: 52,
  settings: 92,
  scoringCount: 243,
  positionLimits: 1398,
  rosterTemplate: 1762,
  picks: 2150,
  teams: 9354,
  tail: 13948,
} as const;
