import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { findMissingHosts, requestHosts } from '../adapters/host-access';
import type { RequiredHost } from '../contract/required-hosts';

type Answer = 'not-asked' | 'granted' | 'refused' | 'failed';

/** The required hosts the browser has not granted, kept current while the popup is open. */
function useMissingHosts(): RequiredHost[] | null {
  const [missing, setMissing] = useState<RequiredHost[] | null>(null);
  useEffect(() => {
    let stopped = false;
    const check = () =>
      void findMissingHosts(browser)
        .then((hosts) => !stopped && setMissing(hosts))
        .catch(() => !stopped && setMissing([]));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      stopped = true;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);
  return missing;
}

/**
 * Says which ESPN sites the browser withholds and what that breaks, and asks for them with one click.
 * Renders nothing while access is complete.
 */
export function HostAccessNotice() {
  const missing = useMissingHosts();
  const [answer, setAnswer] = useState<Answer>('not-asked');
  if (missing === null || missing.length === 0) return null;
  const ask = () => {
    // permissions.request must run inside the click, before anything else is awaited.
    requestHosts(browser, missing).then(
      (granted) => setAnswer(granted ? 'granted' : 'refused'),
      () => setAnswer('failed'),
    );
  };
  return (
    <section class="host-access" role="alert" data-testid="host-access-notice">
      <p>
        <strong>Draft Watch cannot follow your draft yet.</strong> Your browser has not given it access to:
      </p>
      <ul>
        {missing.map((host) => (
          <li key={host.origin} data-testid="missing-host">
            <strong>{host.site}</strong>, needed {host.why}.
          </li>
        ))}
      </ul>
      <p class="muted">It reads nothing else and sends nothing anywhere but ESPN. An open draft tab reloads once access is given.</p>
      <button type="button" onClick={ask}>
        Allow access to ESPN
      </button>
      {answer === 'refused' || answer === 'failed' ? (
        <p class="error">
          Access was not given. You can also allow it from the browser's extension settings (in Firefox: the Extensions
          button in the toolbar, then Draft Watch, then "Always allow on fantasy.espn.com").
        </p>
      ) : null}
    </section>
  );
}
