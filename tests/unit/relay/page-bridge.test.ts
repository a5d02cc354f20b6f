import { describe, expect, it } from 'vitest';
import { createPageBridge } from '../../../src/page-hook/page-bridge';
import { HOOK_EVENT, HOOK_HELLO_EVENT, RELAY_READY_EVENT, type HookItem } from '../../../src/contract/page-events';
import { parseHookBatch } from '../../../src/contract/hook-items';

const MAX_BACKLOG = 20_000;

const item = (at: number): HookItem => ({ k: 'frame', sid: 's1', seq: at + 1, dir: 'in', at, data: `SELECTING 1 ${at}` });

/** A target that records every hook batch detail dispatched on it. */
function recorder(): { target: EventTarget; details: unknown[]; batches: () => HookItem[][] } {
  const target = new EventTarget();
  const details: unknown[] = [];
  target.addEventListener(HOOK_EVENT, (event) => details.push((event as CustomEvent<unknown>).detail));
  return { target, details, batches: () => details.map((d) => JSON.parse(d as string) as HookItem[]) };
}

const ready = (target: EventTarget): void => {
  target.dispatchEvent(new CustomEvent(RELAY_READY_EVENT));
};

describe('createPageBridge', () => {
  it('says hello once when created, so a relay that started first answers', () => {
    const target = new EventTarget();
    let hellos = 0;
    target.addEventListener(HOOK_HELLO_EVENT, () => (hellos += 1));
    createPageBridge(target);
    expect(hellos).toBe(1);
  });

  it('sends nothing before the relay is ready', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    emit([item(1)]);
    emit([item(2), item(3)]);
    expect(r.details).toEqual([]);
  });

  it('flushes the whole backlog as one batch, in order, when ready arrives', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    emit([item(1)]);
    emit([item(2), item(3)]);
    emit([]);
    emit([item(4)]);
    ready(r.target);
    expect(r.batches()).toEqual([[item(1), item(2), item(3), item(4)]]);
  });

  it('flushes only once, even if ready arrives again (e.g. the relay answered another hello)', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    emit([item(1)]);
    ready(r.target);
    ready(r.target);
    ready(r.target);
    expect(r.batches()).toEqual([[item(1)]]);
  });

  it('sends no empty batch when ready arrives with nothing buffered', () => {
    const r = recorder();
    createPageBridge(r.target);
    ready(r.target);
    expect(r.details).toEqual([]);
  });

  it('sends each batch straight away once ready, one event per call', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    emit([item(1)]);
    ready(r.target);
    emit([item(2)]);
    emit([item(3), item(4)]);
    expect(r.batches()).toEqual([[item(1)], [item(2)], [item(3), item(4)]]);
  });

  it('does not resend buffered items after the flush', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    emit([item(1), item(2)]);
    ready(r.target);
    emit([item(3)]);
    ready(r.target);
    expect(r.batches().flat()).toEqual([item(1), item(2), item(3)]);
  });

  it('uses JSON string details that the relay schema accepts', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    ready(r.target);
    const items: HookItem[] = [
      { k: 'open', sid: 's1', at: 1, url: 'wss://x' },
      item(2),
      { k: 'stall', sid: 's1', at: 3, cause: 'pong-timeout', silentForMs: 7_000 },
      { k: 'close', sid: 's1', at: 4, code: 1006, reason: '', clean: false },
      { k: 'unload', at: 5 },
    ];
    emit(items);
    expect(typeof r.details[0]).toBe('string');
    expect(parseHookBatch(r.details[0])).toEqual({ ok: true, items, rejected: 0, firstError: null });
  });

  it('keeps a backlog of exactly the cap intact', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    emit(Array.from({ length: MAX_BACKLOG }, (_, i) => item(i)));
    ready(r.target);
    const [batch] = r.batches();
    expect(batch).toHaveLength(MAX_BACKLOG);
    expect(batch![0]).toEqual(item(0));
  });

  it('drops the oldest items past the cap and keeps the newest, in order', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    for (let i = 0; i < MAX_BACKLOG + 5; i += 1) emit([item(i)]);
    emit([item(MAX_BACKLOG + 5), item(MAX_BACKLOG + 6)]);
    ready(r.target);
    const [batch] = r.batches();
    expect(batch).toHaveLength(MAX_BACKLOG);
    expect(batch![0]).toEqual(item(7));
    expect(batch![MAX_BACKLOG - 1]).toEqual(item(MAX_BACKLOG + 6));
    const ats = batch!.map((b) => b.at);
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
  });

  it('does not cap batches sent after ready', () => {
    const r = recorder();
    const emit = createPageBridge(r.target);
    ready(r.target);
    emit(Array.from({ length: MAX_BACKLOG + 10 }, (_, i) => item(i)));
    expect(r.batches()[0]).toHaveLength(MAX_BACKLOG + 10);
  });
});
