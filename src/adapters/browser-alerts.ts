import type { browser as extensionBrowser } from 'wxt/browser';
import type { PlannedNotification } from '../connection/notifications';

type Browser = typeof extensionBrowser;

const ALERT_PREFIX = 'draft-alert:';

/** Shows one planned notification; its id is its key, so the browser itself never stacks duplicates. */
export async function showAlert(browser: Browser, notification: PlannedNotification): Promise<void> {
  await browser.notifications.create(`${ALERT_PREFIX}${notification.key}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: notification.title,
    message: notification.message,
  });
}
