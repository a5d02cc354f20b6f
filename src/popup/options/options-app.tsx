import { useEffect, useState } from 'preact/hooks';
import { sendToWorker } from '../../adapters/send-to-worker';
import { notificationPreferencesItem } from '../../adapters/preferences';
import type { Settings } from '../../contract/settings';
import { preferencesOf } from '../../connection/notifications';
import { OptionsForm } from './options-form';
import { settingsFrom, valuesOf, type OptionsValues } from './options-values';

type Loaded = { settings: Settings; values: OptionsValues; storageUsedBytes: number | null };

const CONFIRM_CLEAR = 'Delete every stored draft and its pick log? Export anything you want to keep first. This cannot be undone. A draft room tab of a draft still running is reloaded, so its log starts again from ESPN.';

/** Loads the stored settings and switches, then hands them to the form; saving goes back the same ways. */
export function OptionsApp() {
  const [loaded, setLoaded] = useState<Loaded | { error: string } | null>(null);
  useEffect(() => {
    void Promise.all([sendToWorker('get-settings', {}), notificationPreferencesItem.getValue(), navigator.storage?.estimate().catch(() => undefined)])
      .then(([settings, preferences, estimate]) =>
        setLoaded({ settings, values: valuesOf(settings, preferencesOf(preferences)), storageUsedBytes: estimate?.usage ?? null }),
      )
      .catch((error) => setLoaded({ error: String(error) }));
  }, []);
  if (loaded === null) return <main class="muted">Loading…</main>;
  if ('error' in loaded) return <main class="error">Could not reach the extension: {loaded.error}</main>;
  const save = async (values: OptionsValues) => {
    await sendToWorker('set-settings', { settings: settingsFrom(values, loaded.settings) });
    await notificationPreferencesItem.setValue(values.notifications);
  };
  const clearDrafts = async () => (confirm(CONFIRM_CLEAR) ? sendToWorker('clear-drafts', { confirmed: true }) : null);
  return <OptionsForm initial={loaded.values} storageUsedBytes={loaded.storageUsedBytes} onSave={save} onClearDrafts={clearDrafts} />;
}
