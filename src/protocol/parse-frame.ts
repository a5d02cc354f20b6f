import { describeIssues } from './describe-issues';
import type { DraftEvent, Direction } from './events';
import { frameRule } from './frame-rules';
import { decodeInit } from './init/decode-init';
import { parseInitFrameText } from './init/init-frame';
import { redactFrameText } from '../contract/redact';

/**
 * Parses one draft-socket frame. Never throws: a command without a grammar becomes `unknown`,
 * a known command with bad arguments becomes `malformed` with a readable `error`.
 */
export function parseFrame(text: string, direction: Direction): DraftEvent {
  const frame = text.replace(/\r?\n$/, '');
  const command = frame.split(' ', 1)[0] ?? '';
  try {
    return parseCommand(frame, command, direction);
  } catch (error) {
    return malformed(command, frame, `parser failure: ${String(error)}`);
  }
}

function parseCommand(frame: string, command: string, direction: Direction): DraftEvent {
  if (command === 'INIT' && direction === 'in') return parseInit(frame);
  // Chat's format is [UNKNOWN]; keep the frame whole rather than guess at fields.
  if (command === 'CHAT') return { type: 'chat', raw: frame };
  const rule = frameRule(direction, command);
  if (!rule) return { type: 'unknown', command, raw: redactFrameText(frame) };
  const args = frame.slice(command.length).split(' ').filter((arg) => arg !== '');
  const parsed = rule.schema.safeParse(args);
  if (!parsed.success) return malformed(command, frame, describeIssues(parsed.error.issues, rule.argNames, args.length));
  return rule.toEvent(parsed.data);
}

function parseInit(frame: string): DraftEvent {
  const blob = parseInitFrameText(frame);
  if (!blob.ok) return malformed('INIT', frame, blob.error);
  const decoded = decodeInit(blob.bytes);
  if (!decoded.ok) return malformed('INIT', frame, decoded.error);
  return { type: 'init', snapshot: decoded.snapshot };
}

/** TOKEN frames carry a bearer secret, so their raw text is always redacted. */
function malformed(command: string, frame: string, error: string): DraftEvent {
  return { type: 'malformed', command, raw: redactFrameText(frame), error: `${command}: ${error}` };
}
