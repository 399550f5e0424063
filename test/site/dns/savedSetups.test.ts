// Saved wizard setups and rollout plans, one entry per domain, in their own IndexedDB database (fake-indexeddb in
// Node): a save merges into what the domain has, the list is sorted by domain, a delete removes the one domain.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_DOMAIN_SETUP } from '../../../core/dns/buildDomainRecords';
import {
  RECORDS_DB_NAME,
  deleteSavedDomain,
  listSavedDomains,
  readSavedDomain,
  saveDomain,
} from '../../../site/src/dns/savedSetups';

const SETUP = { ...EMPTY_DOMAIN_SETUP, domain: 'example.com', senderIds: ['google-workspace'], mxSends: true };
const PLAN = { flavour: 'rfc7489' as const, start: '2026-03-01', compatiblePct: true, currentStep: 2 };
const T1 = Date.parse('2026-03-01T10:00:00Z');
const T2 = Date.parse('2026-03-02T11:30:00Z');

afterEach(async () => {
  vi.useRealTimers();
  for (const saved of await listSavedDomains()) await deleteSavedDomain(saved.domain);
});

describe('savedSetups', () => {
  it('keep their own database', () => {
    expect(RECORDS_DB_NAME).toBe('dmarc-lens-records');
  });

  it('a plan saved after a setup keeps the setup, and the other way round; savedAt is the last save', async () => {
    vi.useFakeTimers({ now: T1, toFake: ['Date'] });
    await saveDomain('example.com', { setup: SETUP });
    expect(await readSavedDomain('example.com')).toEqual({ domain: 'example.com', setup: SETUP, savedAt: T1 });
    vi.setSystemTime(T2);
    await saveDomain('example.com', { plan: PLAN });
    expect(await readSavedDomain('example.com')).toEqual({
      domain: 'example.com',
      setup: SETUP,
      plan: PLAN,
      savedAt: T2,
    });
    const moved = { ...PLAN, currentStep: 3 };
    await saveDomain('example.com', { plan: moved });
    expect(await readSavedDomain('example.com')).toEqual({
      domain: 'example.com',
      setup: SETUP,
      plan: moved,
      savedAt: T2,
    });
  });

  it('private keys are kept only when given, by selector', async () => {
    vi.useFakeTimers({ now: T1, toFake: ['Date'] });
    await saveDomain('example.org', { setup: { ...SETUP, domain: 'example.org' } });
    expect((await readSavedDomain('example.org'))?.privateKeys).toBeUndefined();
    const privateKeys = { s2026: '-----BEGIN PRIVATE KEY-----\nMIIE…\n-----END PRIVATE KEY-----' };
    await saveDomain('example.org', { privateKeys });
    expect((await readSavedDomain('example.org'))?.privateKeys).toEqual(privateKeys);
  });

  it('list every domain sorted, read none that was not saved, and delete one alone', async () => {
    vi.useFakeTimers({ now: T1, toFake: ['Date'] });
    for (const domain of ['mail.example.net', 'b.example', 'a.example', 'example.com']) await saveDomain(domain, {});
    expect((await listSavedDomains()).map((saved) => saved.domain)).toEqual([
      'a.example',
      'b.example',
      'example.com',
      'mail.example.net',
    ]);
    expect(await readSavedDomain('c.example')).toBeUndefined();
    await deleteSavedDomain('b.example');
    await deleteSavedDomain('never-saved.example');
    expect(await listSavedDomains()).toEqual([
      { domain: 'a.example', savedAt: T1 },
      { domain: 'example.com', savedAt: T1 },
      { domain: 'mail.example.net', savedAt: T1 },
    ]);
  });
});
