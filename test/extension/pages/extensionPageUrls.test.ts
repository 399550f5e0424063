// The extension's page addresses: the dashboard link names the report's domain the way the site's dashboard reads it
// (site/src/dashboard/dashboardView.ts), over its default period, and the drop page is told the file's name.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dashboardUrl, dropPageUrl } from '../../../extension/pages/extensionPageUrls';
import { viewFromHash } from '../../../site/src/dashboard/dashboardView';

const ROOT = 'chrome-extension://test-extension-id/';

beforeEach(() => fakeBrowser.reset());

describe('dashboardUrl', () => {
  it('opens the dashboard, on the report’s domain when there is one', () => {
    expect(dashboardUrl()).toBe(`${ROOT}dashboard.html#/dashboard`);
    expect(dashboardUrl('')).toBe(`${ROOT}dashboard.html#/dashboard`);
    expect(dashboardUrl('Secure.200Permits.com')).toBe(`${ROOT}dashboard.html#/dashboard?domain=secure.200permits.com`);
  });

  it('is read by the dashboard as that domain, whatever the domain holds', () => {
    for (const domain of ['example.com', 'MAIL.Example.org', 'a&b=c.example', 'bücher.example', 'x#y.example']) {
      const hash = new URL(dashboardUrl(domain)).hash;
      expect(viewFromHash(hash), domain).toEqual({
        domain: domain.toLowerCase(),
        preset: 'recent',
        customFrom: '',
        customTo: '',
      });
    }
  });
});

describe('dropPageUrl', () => {
  it('names the file the user is about to bring, escaped', () => {
    expect(dropPageUrl()).toBe(`${ROOT}drop.html`);
    const name = 'google.com!example.com!1549929600!1550015999.zip';
    expect(dropPageUrl(name)).toBe(`${ROOT}drop.html?file=google.com!example.com!1549929600!1550015999.zip`);
    expect(new URL(dropPageUrl('a & b#1.xml')).searchParams.get('file')).toBe('a & b#1.xml');
  });
});
