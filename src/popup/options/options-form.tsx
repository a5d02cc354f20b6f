import { useState } from 'preact/hooks';
import { BOUNDS, formatBytes, NOTIFICATION_LABELS, type OptionsValues } from './options-values';
import type { NotificationKind } from '../../connection/notifications';

export interface OptionsFormProps {
  initial: OptionsValues;
  storageUsedBytes: number | null;
  onSave: (values: OptionsValues) => Promise<void>;
  /** Asks the user first; resolves with how many drafts were removed, or null when they declined. */
  onClearDrafts: () => Promise<number | null>;
}

type NumberField = 'graceSeconds' | 'reloadAttempts' | 'stallSeconds';

const NUMBER_FIELDS: ReadonlyArray<{ field: NumberField; label: string; step: number; hint: string }> = [
  { field: 'graceSeconds', label: 'Grace period (seconds)', step: 0.5, hint: 'How long ESPN gets to reconnect by itself before the tab is reloaded.' },
  { field: 'reloadAttempts', label: 'Reload attempts', step: 1, hint: 'Reloads before Draft Watch gives up and asks you.' },
  { field: 'stallSeconds', label: 'Stall threshold (seconds)', step: 1, hint: 'Silence from ESPN during the draft that counts as a stalled connection.' },
];

export function OptionsForm({ initial, storageUsedBytes, onSave, onClearDrafts }: OptionsFormProps) {
  const [values, setValues] = useState(initial);
  const [status, setStatus] = useState('');
  const setNumber = (field: NumberField, raw: string) => {
    const value = Number(raw);
    if (Number.isFinite(value)) setValues((current) => ({ ...current, [field]: value }));
  };
  const setNotification = (kind: NotificationKind, on: boolean) =>
    setValues((current) => ({ ...current, notifications: { ...current.notifications, [kind]: on } }));
  const save = async (event: Event) => {
    event.preventDefault();
    setStatus('Saving…');
    try {
      await onSave(values);
      setStatus('Saved.');
    } catch (error) {
      setStatus(`Could not save: ${String(error)}`);
    }
  };
  const clear = async () => {
    const removed = await onClearDrafts().catch(() => undefined);
    if (removed === undefined) setStatus('Could not clear the stored drafts.');
    else if (removed !== null) setStatus(`Removed ${removed} stored draft${removed === 1 ? '' : 's'}.`);
  };
  return (
    <main class="options">
      <h1>Draft Watch options</h1>
      <form onSubmit={(event) => void save(event)}>
        <fieldset>
          <legend>Recovery</legend>
          <label>
            <input type="checkbox" name="autoReload" checked={values.autoReload} onChange={(event) => {
                const autoReload = event.currentTarget.checked;
                setValues((current) => ({ ...current, autoReload }));
              }} />
            Reload the draft tab automatically when the connection is lost
          </label>
          {NUMBER_FIELDS.map(({ field, label, step, hint }) => (
            <label key={field}>
              {label}
              <input type="number" name={field} min={BOUNDS[field].min} max={BOUNDS[field].max} step={step} value={values[field]} onInput={(event) => setNumber(field, event.currentTarget.value)} />
              <small>{hint} Between {BOUNDS[field].min} and {BOUNDS[field].max}.</small>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Notifications</legend>
          {(Object.keys(NOTIFICATION_LABELS) as NotificationKind[]).map((kind) => (
            <label key={kind}>
              <input type="checkbox" name={kind} checked={values.notifications[kind]} onChange={(event) => setNotification(kind, event.currentTarget.checked)} />
              {NOTIFICATION_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        <button type="submit">Save</button>
      </form>
      <section aria-labelledby="storage-heading">
        <h2 id="storage-heading">Storage</h2>
        <p data-testid="storage-used">{storageUsedBytes === null ? 'Storage used: unknown' : `Storage used: ${formatBytes(storageUsedBytes)}`}</p>
        <button type="button" onClick={() => void clear()}>
          Clear stored drafts…
        </button>
      </section>
      <p role="status" data-testid="options-status">
        {status}
      </p>
    </main>
  );
}
