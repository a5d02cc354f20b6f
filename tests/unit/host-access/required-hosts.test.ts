import { describe, expect, it } from 'vitest';
import { DRAFT_SITE_ORIGIN, REQUIRED_HOSTS, REQUIRED_HOST_ORIGINS, describeMissingHosts, missingHosts } from '../../../src/contract/required-hosts';

describe('required ESPN hosts', () => {
  it('lists the draft site first and every host once, each with a reason', () => {
    expect(REQUIRED_HOST_ORIGINS[0]).toBe(DRAFT_SITE_ORIGIN);
    expect(new Set(REQUIRED_HOST_ORIGINS).size).toBe(REQUIRED_HOSTS.length);
    for (const host of REQUIRED_HOSTS) {
      expect(host.origin).toMatch(/^https:\/\/[a-z.-]+\.espn\.com\/\*$/);
      expect(host.origin).toContain(host.site);
      expect(host.why.length).toBeGreaterThan(20);
    }
  });

  it.each([
    [[], ['fantasy.espn.com', 'lm-api-reads.fantasy.espn.com']],
    [['https://fantasy.espn.com/*'], ['lm-api-reads.fantasy.espn.com']],
    [['https://lm-api-reads.fantasy.espn.com/*'], ['fantasy.espn.com']],
    [['https://fantasy.espn.com/*', 'https://lm-api-reads.fantasy.espn.com/*'], []],
  ])('with %j granted, misses %j', (granted, missing) => {
    expect(missingHosts((origin) => granted.includes(origin)).map((host) => host.site)).toEqual(missing);
  });

  it('says nothing when nothing is missing, and names each missing site and what it is for otherwise', () => {
    expect(describeMissingHosts([])).toBeNull();
    const line = describeMissingHosts(missingHosts(() => false))!;
    expect(line).toContain('fantasy.espn.com (needed to follow your draft room');
    expect(line).toContain('lm-api-reads.fantasy.espn.com (needed to look up player names');
    expect(line).toMatch(/popup/);
  });
});
