import { anonymizeFrameText, memberNumber, normalizeSwid, scrubText, type MemberNumbers } from './anonymize-frame';
import type { RecentFrame } from './recent-frames';
import { redactSocketUrl } from '../contract/redact';
import { SWID_ANYWHERE } from '../contract/swid';

export interface CaptureInput {
  /** The recent frames, oldest first (RecentFrameRing.toArray). */
  frames: readonly RecentFrame[];
  /** The draft socket's URL as the shell knows it (raw or already redacted); null when unknown. */
  socketUrl: string | null;
  myTeamId: number | null;
  /** What the extension knows about the drift, in plain words (e.g. driftWarning's details). */
  notes?: readonly string[];
  /** Names the capturing extension and version, e.g. "Draft Watch 1.2.0". */
  source: string;
}

/**
 * An anonymized capture of the recent frames for a bug report, in the shared fixtures' format
 * (fixtures/README.md): JSON Lines, a `{"meta": …}` line, then one `{"t", "dir", "data"}` line per
 * frame with `t` in seconds since the first frame. Member ids, join tokens, security codes,
 * cookies, bearer tokens and chat text are removed (anonymize-frame.ts). Pure.
 */
export function anonymizedCapture(input: CaptureInput): string {
  const members: MemberNumbers = new Map();
  // Number members after their team where the frames say it, as the fixtures do.
  for (const frame of input.frames) learnMemberTeams(frame.text, members);
  const secrets = secretsOfUrl(input.socketUrl);
  const t0 = input.frames[0]?.at ?? null;

  const lines = input.frames.map((frame) =>
    JSON.stringify({
      t: t0 === null ? 0 : Math.round(frame.at - t0) / 1000,
      dir: frame.direction,
      data: anonymizeFrameText(frame.text, members, secrets),
    }),
  );
  const meta = {
    session: 'bug-report',
    url: input.socketUrl === null ? null : scrubText(redactSocketUrl(input.socketUrl), members, secrets),
    source: scrubText(input.source, members, secrets),
    t0: t0 === null ? null : new Date(t0).toISOString(),
    myTeamId: input.myTeamId,
    anonymized: {
      swids: 'Member GUIDs replaced by {00000000-0000-4000-8000-00000000000N}: N is the member\'s team id where a frame shows it, otherwise 101 and up.',
      tokens: 'Join tokens keep only game:league:team; the SWID and the security code are dropped. TOKEN frames read TOKEN g:L:T.',
      secrets: 'Cookies, bearer tokens, URL secrets and the security code are replaced by [secret] or [code].',
      chat: 'CHAT frames are reduced to "CHAT [removed]".',
      initBlob: 'Kept byte for byte (it holds no text in known captures); withheld if it seemed to hold a member id.',
    },
    notes: (input.notes ?? []).map((note) => scrubText(note, members, secrets)),
    frames: input.frames.length,
  };
  return [JSON.stringify({ meta }), ...lines].map((line) => `${line}\n`).join('');
}

/** `JOINED T S`, `LEFT T S n`, `SELECTED T P spot S`: the SWID belongs to team T. */
function learnMemberTeams(text: string, members: MemberNumbers): void {
  const words = text.trim().split(/\s+/);
  const command = words[0];
  const swidAt = command === 'JOINED' || command === 'LEFT' ? 2 : command === 'SELECTED' ? 4 : -1;
  if (swidAt < 0) return;
  const team = Number(words[1]);
  const swid = words[swidAt];
  if (swid === undefined || !Number.isInteger(team) || team <= 0) return;
  SWID_ANYWHERE.lastIndex = 0;
  const match = swid.match(SWID_ANYWHERE);
  if (match === null || match[0] !== swid) return;
  memberNumber(members, normalizeSwid(swid), team);
}

/** The security code is the join token's last field (URL param 5); it is removed wherever it appears. */
function secretsOfUrl(url: string | null): string[] {
  if (url === null) return [];
  const token = /[?&]5=([^&#]*)/.exec(url)?.[1];
  if (token === undefined) return [];
  let decoded = token;
  try {
    decoded = decodeURIComponent(token);
  } catch {
    // keep the raw text
  }
  const code = decoded.split(':')[4];
  return code !== undefined && /^-?\d{4,}$/.test(code) ? [code] : [];
}
