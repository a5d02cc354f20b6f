import { readFileSync } from 'node:fs';
import type { DraftState, LogEntry } from '../../../src/draft/types';
import { redactBatchInPlace } from '../../../src/relay/redact-batch';
import type { DraftPageContext } from '../../../src/contract/draft-page-url';
import type { HookItem } from '../../../src/contract/page-events';
import { ingestHookItems } from '../../../src/worker/ingest';
import { newTabSession, type TabSession } from '../../../src/store/records';
import { FIXTURES_DIR, loadSessionA, type CapturedFrame } from '../protocol/session-a-fixture';

/** The page the capture was taken on (fixtures/README.md: league 123456789, my team 2, 2025 football). */
export const PAGE: DraftPageContext = { sport: 'football', leagueId: '123456789', seasonId: 2025, teamId: 2 };
export const DRAFT_ID = 'ffl:123456789:2025';
export const SID = 'pageA-1';
export const TAB_ID = 7;

/** The anonymized security code and the SWID shape (fixtures/README.md "What was anonymized"). */
export const SECURITY_CODE = '-1234567890';
export const ANY_GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
export const FIXTURE_SWID = /\{00000000-0000-4000-8000-0000000000\d\d\}/;

export interface SessionAReplay {
  /** Epoch ms of the capture's t = 0, from meta.t0. */
  t0: number;
  /** The raw socket URL from meta (unredacted: SWID and security code included). */
  rawUrl: string;
  frames: CapturedFrame[];
  /** What the relay hands the worker: `open`, then every frame, seq 1..n, as the hook sent them, redacted by the relay's own code. */
  items: HookItem[];
}

/** meta.t0 is a sentence holding the HAR's ISO start time; the brief's epoch anchor is that instant. */
function metaT0(): number {
  const firstLine = readFileSync(new URL('session-a.jsonl', FIXTURES_DIR), 'utf8').split('\n', 1)[0]!;
  const t0Text = (JSON.parse(firstLine) as { meta: { t0: string } }).meta.t0;
  const iso = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/.exec(t0Text);
  if (!iso) throw new Error(`meta.t0 holds no ISO time: ${t0Text}`);
  return Date.parse(iso[0]);
}

export function atOf(t0: number, t: number): number {
  return t0 + Math.round(t * 1000);
}

export function sessionAReplay(sid = SID): SessionAReplay {
  const { meta, frames } = loadSessionA();
  const t0 = metaT0();
  const items: HookItem[] = [{ k: 'open', sid, at: t0, url: meta.url }];
  frames.forEach((frame, i) => {
    items.push({ k: 'frame', sid, seq: i + 1, dir: frame.dir, at: atOf(t0, frame.t), data: frame.data });
  });
  redactBatchInPlace(items);
  return { t0, rawUrl: meta.url, frames, items };
}

/** A tab's worker-side store across batches: what draft-worker persists (session, drafts, event logs). */
export class TabStore {
  session: TabSession;
  readonly drafts = new Map<string, DraftState>();
  readonly logs = new Map<string, LogEntry[]>();
  batches = 0;

  constructor(
    readonly page: DraftPageContext = PAGE,
    now = 0,
  ) {
    this.session = newTabSession(TAB_ID, now);
  }

  deliver(items: readonly HookItem[], now = 0): ReturnType<typeof ingestHookItems> {
    const result = ingestHookItems(this.session, this.page, items, (id) => this.drafts.get(id), now);
    this.session = result.session;
    for (const [id, state] of result.drafts) this.drafts.set(id, state);
    for (const [id, entries] of result.logs) this.logs.set(id, (this.logs.get(id) ?? []).concat(entries));
    this.batches += 1;
    return result;
  }

  draft(id = DRAFT_ID): DraftState {
    const state = this.drafts.get(id);
    if (state === undefined) throw new Error(`no draft ${id}`);
    return state;
  }

  log(id = DRAFT_ID): LogEntry[] {
    return this.logs.get(id) ?? [];
  }
}
