// The watch's extension side without a browser: its settings read back from storage whatever was written there, the
// memory and alert log kept across checks, the notification ids that lead a click to the right domain, and the alert
// sentences in both languages.
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_WATCH_THRESHOLDS,
  type SourceFinding,
  type WatchAlert,
  type WatchFinding,
} from '../../../core/analysis';
import { createTranslator } from '../../../core/i18n';
import { alertText, findingText } from '../../../extension/monitor/alertText';
import {
  DEFAULT_MONITOR_SETTINGS,
  readMonitorSettings,
  toMonitorSettings,
  writeMonitorSettings,
} from '../../../extension/monitor/monitorSettings';
import { notificationDomain } from '../../../extension/monitor/showAlerts';
import { readWatchLog, readWatchMemory, writeWatchCheck, LOG_LENGTH } from '../../../extension/monitor/watchStorage';

beforeEach(() => fakeBrowser.reset());

describe('monitor settings', () => {
  it('reads the defaults from empty storage, and what was saved', async () => {
    expect(await readMonitorSettings()).toEqual(DEFAULT_MONITOR_SETTINGS);
    const saved = { notify: false, thresholds: { ...DEFAULT_WATCH_THRESHOLDS, silentDays: 0, failingBelow: 0.95 } };
    await writeMonitorSettings(saved);
    expect(await readMonitorSettings()).toEqual(saved);
  });

  it('clamps thresholds written by hand into their ranges and ignores what is not a number', () => {
    expect(
      toMonitorSettings({
        notify: 'yes',
        thresholds: { failingBelow: 7, recentDays: -3, spoofingSpikeFactor: 'many', silentDays: null },
      }),
    ).toEqual({
      notify: true,
      thresholds: { ...DEFAULT_WATCH_THRESHOLDS, failingBelow: 1, recentDays: 1, silentDays: 0 },
    });
  });
});

const ovh: SourceFinding = {
  kind: 'source',
  id: 'source:hello-charly.com:ovh',
  domain: 'hello-charly.com',
  level: 'problem',
  state: 'failing',
  key: 'ovh',
  label: 'OVHcloud (mail hosting)',
  status: 'failing',
  isNew: true,
  firstDay: '2024-01-30',
  lastDay: '2024-01-30',
  ownMessages: 1,
  alignedMessages: 0,
};

describe('watch storage', () => {
  it('keeps the memory and puts each check’s alerts first in the log, up to its length', async () => {
    const alert: WatchAlert = { change: 'raised', id: ovh.id, domain: ovh.domain, finding: ovh };
    const memory = {
      findings: {
        [ovh.id]: { kind: 'source' as const, domain: ovh.domain, level: 'problem' as const, state: 'failing' },
      },
      domains: ['hello-charly.com'],
    };
    await writeWatchCheck(memory, [alert], 1000);
    await writeWatchCheck(memory, [], 2000);
    expect(await readWatchMemory()).toEqual(memory);
    expect(await readWatchLog()).toEqual([{ at: 1000, alert }]);
    for (let at = 0; at < LOG_LENGTH; at++) await writeWatchCheck(memory, [alert], 3000 + at);
    const log = await readWatchLog();
    expect(log).toHaveLength(LOG_LENGTH);
    expect(log[0]!.at).toBe(3000 + LOG_LENGTH - 1);
  });
});

describe('notifications', () => {
  it('lead a click to the domain they are about, and ignore anyone else’s', () => {
    expect(notificationDomain('dmarc-lens-watch|hello-charly.com|1706659200000')).toBe('hello-charly.com');
    expect(notificationDomain('dmarc-lens-watch|xn--bcher-kva.example|1')).toBe('xn--bcher-kva.example');
    expect(notificationDomain('another-extension|hello-charly.com|1')).toBeUndefined();
  });
});

describe('alert sentences', () => {
  it('say a new failing source with a real plural, in English and Dutch', () => {
    expect(findingText(ovh, createTranslator('en'))).toBe(
      'New source OVHcloud (mail hosting) fails DMARC: 0 of 1 message aligned on 2024-01-30.',
    );
    expect(findingText({ ...ovh, ownMessages: 75, alignedMessages: 65, isNew: false }, createTranslator('nl'))).toBe(
      'OVHcloud (mail hosting) slaagt niet voor DMARC: 65 van 75 berichten uitgelijnd op 2024-01-30.',
    );
  });

  it('say that a failing source has gone quiet when it simply stopped', () => {
    const alert: WatchAlert = {
      change: 'resolved',
      id: ovh.id,
      domain: ovh.domain,
      was: {
        kind: 'source',
        domain: ovh.domain,
        level: 'problem',
        state: 'failing',
        label: ovh.label,
        lastDay: '2024-01-30',
      },
    };
    expect(alertText(alert, createTranslator('en'))).toBe(
      'OVHcloud (mail hosting) has sent no mail since 2024-01-30; it was failing DMARC.',
    );
  });

  it('say why no published record applies, in English and Dutch', () => {
    const missing: WatchFinding = {
      kind: 'drift',
      id: 'drift:hello-charly.com',
      domain: 'hello-charly.com',
      level: 'problem',
      state: 'missing | p=none np=none',
      published: '',
      reported: 'p=none np=none',
      reporter: 'google.com',
      differences: [],
      problem: 'missing',
    };
    expect(findingText(missing, createTranslator('en'))).toBe(
      'DNS has no DMARC record for this domain now, nor for its organizational domain, but the newest report ' +
        '(google.com) saw p=none np=none: without one, receivers apply no policy and send no more reports.',
    );
    expect(findingText({ ...missing, problem: 'several' }, createTranslator('nl'))).toBe(
      'De DNS heeft nu meer dan één DMARC-record voor dit domein, dus ontvangers passen er geen toe; het nieuwste ' +
        'rapport (google.com) zag p=none np=none.',
    );
    expect(findingText({ ...missing, problem: 'unreadable' }, createTranslator('en'))).toBe(
      'The DMARC record for this domain cannot be read now, so receivers may apply no policy; the newest report ' +
        '(google.com) saw p=none np=none.',
    );
  });
});
