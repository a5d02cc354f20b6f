import type { browser as extensionBrowser } from 'wxt/browser';

type BadgeAction = Pick<(typeof extensionBrowser)['action'], 'setBadgeText' | 'setBadgeBackgroundColor' | 'setTitle'>;

/** What to paint; the popup's badgeOf() decides it, so the badge and the panel agree. */
export interface BadgePaint {
  text: string;
  colour: string;
  title: string;
}

/** Paints one tab's toolbar badge. The browser drops it when the tab navigates; the next commit paints it again. */
export async function paintBadge(action: BadgeAction, tabId: number, badge: BadgePaint): Promise<void> {
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.colour }),
    action.setTitle({ tabId, title: badge.title }),
  ]);
}
