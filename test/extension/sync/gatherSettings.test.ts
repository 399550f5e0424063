// Gathering's settings in the extension's storage (WXT's fake browser holds browser.storage.local in memory): auto-save
// is on until turned off, no folder is synced until one is named, and what storage holds never yields a value the
// background cannot use.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_GATHER_SETTINGS,
  readGatherSettings,
  toGatherSettings,
  writeGatherSettings,
} from '../../../extension/sync/gatherSettings';

beforeEach(() => fakeBrowser.reset());

describe('gather settings', () => {
  it('save what the cards read, and sync no folder and no Gmail list, until the user says otherwise', async () => {
    expect(DEFAULT_GATHER_SETTINGS).toEqual({
      autoSave: true,
      syncFolder: '',
      syncEveryMinutes: 60,
      gmailList: '',
      gmailEveryMinutes: 60,
    });
    expect(await readGatherSettings()).toEqual(DEFAULT_GATHER_SETTINGS);
  });

  it('are read back as written, under one storage key', async () => {
    const settings = {
      autoSave: false,
      syncFolder: 'DMARC reports',
      syncEveryMinutes: 15,
      gmailList: 'has:attachment "Report Domain"',
      gmailEveryMinutes: 30,
    };
    await writeGatherSettings(settings);
    expect(await readGatherSettings()).toEqual(settings);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ gatherSettings: settings });
  });

  it('turn whatever storage holds into usable values', () => {
    expect(toGatherSettings(null)).toEqual(DEFAULT_GATHER_SETTINGS);
    expect(toGatherSettings('on')).toEqual(DEFAULT_GATHER_SETTINGS);
    expect(toGatherSettings({ autoSave: 'no', syncFolder: 7, syncEveryMinutes: 'soon' })).toEqual(
      DEFAULT_GATHER_SETTINGS,
    );
    // Alarms fire at most every few minutes and a sync more than a day apart is not one: the period is kept in range.
    expect(toGatherSettings({ syncEveryMinutes: 0 }).syncEveryMinutes).toBe(5);
    expect(toGatherSettings({ syncEveryMinutes: 1e9 }).syncEveryMinutes).toBe(1440);
    expect(toGatherSettings({ syncEveryMinutes: 29.6 }).syncEveryMinutes).toBe(30);
    expect(toGatherSettings({ syncFolder: `  Inbox  ` }).syncFolder).toBe('Inbox');
    expect(toGatherSettings({ syncFolder: 'x'.repeat(300) }).syncFolder).toHaveLength(255);
    // Settings written before the Gmail sync existed read as no Gmail list, an hour apart.
    expect(toGatherSettings({ autoSave: false, syncFolder: 'DMARC', syncEveryMinutes: 15 })).toEqual({
      autoSave: false,
      syncFolder: 'DMARC',
      syncEveryMinutes: 15,
      gmailList: '',
      gmailEveryMinutes: 60,
    });
    expect(toGatherSettings({ gmailList: '  label:dmarc ', gmailEveryMinutes: 2 })).toMatchObject({
      gmailList: 'label:dmarc',
      gmailEveryMinutes: 5,
    });
    expect(toGatherSettings({ gmailList: ['DMARC'], gmailEveryMinutes: 'hourly' })).toMatchObject({
      gmailList: '',
      gmailEveryMinutes: 60,
    });
  });
});
