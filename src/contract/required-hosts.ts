/**
 * The ESPN hosts the extension needs, each with the reason a user is shown when access is missing.
 * wxt.config.ts builds the manifest's host_permissions from this list, so the two cannot drift.
 */
export interface RequiredHost {
  /** A match pattern, exactly as in the manifest's host_permissions. */
  readonly origin: string;
  /** The host as a user recognises it. */
  readonly site: string;
  /** What stops working without it, in plain words. */
  readonly why: string;
}

/** Where the draft room lives; both content scripts run only there. */
export const DRAFT_SITE_ORIGIN = 'https://fantasy.espn.com/*';

export const REQUIRED_HOSTS: readonly RequiredHost[] = [
  {
    origin: DRAFT_SITE_ORIGIN,
    site: 'fantasy.espn.com',
    why: 'to follow your draft room: read its live draft connection and reload the tab when that connection is lost',
  },
  {
    origin: 'https://lm-api-reads.fantasy.espn.com/*',
    site: 'lm-api-reads.fantasy.espn.com',
    why: "to look up player names and check the pick list against ESPN's own",
  },
];

export const REQUIRED_HOST_ORIGINS: readonly string[] = REQUIRED_HOSTS.map((host) => host.origin);

/** The required hosts that `isGranted` says are not granted, in the list's order. */
export function missingHosts(isGranted: (origin: string) => boolean): RequiredHost[] {
  return REQUIRED_HOSTS.filter((host) => !isGranted(host.origin));
}

/** One log line naming what is missing and what that breaks; null when nothing is. */
export function describeMissingHosts(missing: readonly RequiredHost[]): string | null {
  if (missing.length === 0) return null;
  const parts = missing.map((host) => `${host.site} (needed ${host.why})`);
  return `host access missing for ${parts.join('; ')}. Open the Draft Watch popup to grant it.`;
}
