// Graph mode's settings in the extension's storage (WXT's fake browser holds browser.storage.local in memory), the
// application id check, and what turning Graph mode on asks for in each browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_GRAPH_SETTINGS,
  GRAPH_PERMISSIONS,
  graphRedirectUrl,
  isApplicationId,
  readGraphSettings,
  writeGraphSettings,
} from '../../../extension/graph/graphSettings';

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('graph settings', () => {
  it('are off, without an application, for the common tenant until the user saves some', async () => {
    expect(DEFAULT_GRAPH_SETTINGS).toEqual({ enabled: false, clientId: '', tenant: 'common' });
    expect(await readGraphSettings()).toEqual(DEFAULT_GRAPH_SETTINGS);
  });

  it('are read back as written, under one storage key', async () => {
    const settings = { enabled: true, clientId: '5f1e0c2a-9b7d-4e3f-8a6b-0c1d2e3f4a5b', tenant: 'organizations' };
    await writeGraphSettings(settings);
    expect(await readGraphSettings()).toEqual(settings);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ graphSettings: settings });
  });

  it('fill what a stored entry lacks from the defaults (an entry saved before a field existed)', async () => {
    await fakeBrowser.storage.local.set({ graphSettings: { clientId: 'abc' } });
    expect(await readGraphSettings()).toEqual({ enabled: false, clientId: 'abc', tenant: 'common' });
  });
});

describe('isApplicationId', () => {
  it.each([
    '5f1e0c2a-9b7d-4e3f-8a6b-0c1d2e3f4a5b',
    '5F1E0C2A-9B7D-4E3F-8A6B-0C1D2E3F4A5B',
    '  5f1e0c2a-9b7d-4e3f-8a6b-0c1d2e3f4a5b\n',
  ])('accepts the GUID %j', (value) => expect(isApplicationId(value)).toBe(true));

  it.each([
    '',
    'common',
    '5f1e0c2a9b7d4e3f8a6b0c1d2e3f4a5b',
    '{5f1e0c2a-9b7d-4e3f-8a6b-0c1d2e3f4a5b}',
    '5f1e0c2a-9b7d-4e3f-8a6b-0c1d2e3f4a5',
    '5f1e0c2a-9b7d-4e3f-8a6b-0c1d2e3f4a5bc',
    '5f1e0c2g-9b7d-4e3f-8a6b-0c1d2e3f4a5b',
    '5f1e0c2a-9b7d-4e3f-8a6b-0c1d2e3f4a5b x',
  ])('refuses %j', (value) => expect(isApplicationId(value)).toBe(false));
});

describe('in Chrome', () => {
  it('asks for the optional identity permission with the Microsoft hosts', () => {
    expect(GRAPH_PERMISSIONS).toEqual({
      permissions: ['identity'],
      origins: ['https://graph.microsoft.com/*', 'https://login.microsoftonline.com/*'],
    });
  });

  it('builds the chromiumapp.org redirect URL from the extension id, without the identity API', () => {
    expect(graphRedirectUrl()).toBe('https://test-extension-id.chromiumapp.org/');
    fakeBrowser.runtime.id = 'abcdefghijklmnopabcdefghijklmnop';
    expect(graphRedirectUrl()).toBe('https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/');
  });
});

describe('in Firefox', () => {
  it('takes the redirect URL Firefox derives (identity is granted at install there)', () => {
    vi.stubEnv('BROWSER', 'firefox');
    const firefoxUrl = 'https://0123456789abcdef0123456789abcdef01234567.extensions.allizom.org/';
    vi.spyOn(fakeBrowser.identity, 'getRedirectURL').mockReturnValue(firefoxUrl);
    expect(graphRedirectUrl()).toBe(firefoxUrl);
  });

  it('asks for the Microsoft hosts only', async () => {
    vi.stubEnv('BROWSER', 'firefox');
    vi.resetModules();
    const firefox = await import('../../../extension/graph/graphSettings');
    expect(firefox.GRAPH_PERMISSIONS).toEqual({
      origins: ['https://graph.microsoft.com/*', 'https://login.microsoftonline.com/*'],
    });
  });
});
