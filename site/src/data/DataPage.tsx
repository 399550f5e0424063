// Backup, restore, storage, retention and deletion of the stored data. Every delete says exactly what it will remove
// (reports by kind and messages) in a modal dialog before it does anything.
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  backupLines,
  countStored,
  deleteDomain,
  deleteEverything,
  endedBefore,
  type StoreCounts,
  countReportsByDomain,
  type DomainCounts,
} from '../../../core/store';
import { dataVersion, getDatabase, notifyDataChanged } from '../app/database';
import { useImporter } from '../app/ImporterContext';
import { clearImports } from '../import/importHistory';
import { ImportResults } from '../import/ImportPanel';
import { countParams, sumCounts } from '../import/reportCounts';
import { useObservable } from '../app/Observable';
import { useI18n } from '../i18n/i18n';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import {
  buttonClass,
  dangerButtonClass,
  downloadFile,
  inputClass,
  mutedClass,
  primaryButtonClass,
  Section,
  tableClass,
  tdClass,
  thClass,
} from '../ui/ui';
import {
  applyRetention,
  readRetentionMonths,
  RETENTION_CHOICES,
  retentionCutoff,
  writeRetentionMonths,
} from './retention';

type Confirming =
  | { what: 'domain'; domain: string; counts: DomainCounts }
  | { what: 'all'; counts: DomainCounts[] }
  | { what: 'retention'; months: number; cutoff: number; counts: DomainCounts[] };

/** navigator.storage.estimate(), where the browser offers it. */
function useStorageEstimate(version: number): { usage: number; quota: number } | null | undefined {
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null | undefined>();
  useEffect(() => {
    let live = true;
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    if (!storage?.estimate) {
      setEstimate(null);
      return;
    }
    storage.estimate().then(
      (found) =>
        live &&
        setEstimate(found.usage !== undefined && found.quota ? { usage: found.usage, quota: found.quota } : null),
      () => live && setEstimate(null),
    );
    return () => {
      live = false;
    };
  }, [version]);
  return estimate;
}

/** Bytes in the largest unit that keeps the number at least 1, the language's way. */
function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

export function DataPage() {
  const { t, locale, number, date } = useI18n();
  const importer = useImporter();
  const version = useObservable(dataVersion);
  const [counts, setCounts] = useState<StoreCounts | undefined>();
  const [domains, setDomains] = useState<DomainCounts[]>([]);
  const [domain, setDomain] = useState('');
  const [months, setMonths] = useState(readRetentionMonths);
  const [confirming, setConfirming] = useState<Confirming | undefined>();
  const [status, setStatus] = useState('');
  const progress = useObservable(importer.progress);
  const estimate = useStorageEstimate(version);
  /** Set when a restore was started here: its outcome (a refusal names the line and what is wrong) is shown here too. */
  const [restoring, setRestoring] = useState(false);

  useEffect(() => {
    let live = true;
    void getDatabase().then(async (db) => {
      const [stored, perDomain] = await Promise.all([countStored(db), countReportsByDomain(db)]);
      if (!live) return;
      setCounts(stored);
      setDomains(perDomain);
      // No domain is ever chosen for the user: a domain that went stays unchosen.
      setDomain((current) => (perDomain.some((d) => d.domain === current) ? current : ''));
    });
    return () => {
      live = false;
    };
  }, [version]);

  const total = useMemo(() => sumCounts(domains), [domains]);
  const reportsOf = (c: { aggregate: number; failure: number; tls: number }) => c.aggregate + c.failure + c.tls;

  const backup = async () => {
    const db = await getDatabase();
    const parts: string[] = [];
    const leftOut = { reports: 0 };
    for await (const chunk of backupLines(db, Date.now(), leftOut)) parts.push(chunk);
    downloadFile(`dmarc-lens-backup-${new Date().toISOString().slice(0, 10)}.jsonl`, parts, 'application/x-ndjson');
    if (leftOut.reports > 0) setStatus(t('data.backupLeftOut', { reports: leftOut.reports }));
  };

  const askRetention = async () => {
    const cutoff = retentionCutoff(months, Date.now());
    const db = await getDatabase();
    const old = await countReportsByDomain(db, (report) => endedBefore(report, cutoff));
    if (old.length === 0) setStatus(t('housekeeping.retention.nothing', { date: date(cutoff) }));
    else setConfirming({ what: 'retention', months, cutoff, counts: old });
  };

  const remove = async (what: Confirming) => {
    const db = await getDatabase();
    if (what.what === 'all') {
      await deleteEverything(db);
      await clearImports().catch(() => undefined);
      setStatus(
        t('housekeeping.delete.done', { counts: t('housekeeping.counts', countParams(sumCounts(what.counts))) }),
      );
    } else if (what.what === 'domain') {
      await deleteDomain(db, what.domain);
      setStatus(t('housekeeping.delete.done', { counts: t('housekeeping.counts', countParams(what.counts)) }));
    } else {
      await applyRetention(db, what.months, Date.now());
      setStatus(
        t('housekeeping.delete.done', { counts: t('housekeeping.counts', countParams(sumCounts(what.counts))) }),
      );
    }
    notifyDataChanged();
  };

  const chosen = domains.find((d) => d.domain === domain);

  return (
    <div class="space-y-6">
      <h1 class="text-2xl font-semibold">{t('data.heading')}</h1>
      {counts && (
        <p class={mutedClass} data-testid="stored-counts">
          {t('data.stored', { reports: counts.reports, records: counts.records })}
        </p>
      )}
      <Section id="storage" title={t('housekeeping.storage.heading')}>
        {estimate !== undefined && (
          <p class={`mb-3 text-sm ${mutedClass}`} data-testid="storage-estimate">
            {estimate
              ? t('housekeeping.storage.used', {
                  used: formatBytes(estimate.usage, locale),
                  quota: formatBytes(estimate.quota, locale),
                })
              : t('housekeeping.storage.unknown')}
          </p>
        )}
        {domains.length > 0 && (
          <div class="overflow-x-auto">
            <table class={`${tableClass} cards-below-sm`} data-testid="domain-counts">
              <caption class="sr-only">{t('housekeeping.storage.table')}</caption>
              <thead>
                <tr>
                  <th scope="col" class={thClass}>
                    {t('housekeeping.storage.col.domain')}
                  </th>
                  <th scope="col" class={`${thClass} text-right`}>
                    {t('housekeeping.storage.col.aggregate')}
                  </th>
                  <th scope="col" class={`${thClass} text-right`}>
                    {t('housekeeping.storage.col.messages')}
                  </th>
                  <th scope="col" class={`${thClass} text-right`}>
                    {t('housekeeping.storage.col.failure')}
                  </th>
                  <th scope="col" class={`${thClass} text-right`}>
                    {t('housekeeping.storage.col.tls')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {domains.map((d) => (
                  <tr key={d.domain}>
                    <th
                      scope="row"
                      class={`${tdClass} break-all font-medium`}
                      data-label={t('housekeeping.storage.col.domain')}
                    >
                      {d.domain}
                    </th>
                    <td
                      class={`${tdClass} text-right tabular-nums`}
                      data-label={t('housekeeping.storage.col.aggregate')}
                    >
                      {number(d.aggregate)}
                    </td>
                    <td
                      class={`${tdClass} text-right tabular-nums`}
                      data-label={t('housekeeping.storage.col.messages')}
                    >
                      {number(d.messages)}
                    </td>
                    <td class={`${tdClass} text-right tabular-nums`} data-label={t('housekeeping.storage.col.failure')}>
                      {number(d.failure)}
                    </td>
                    <td class={`${tdClass} text-right tabular-nums`} data-label={t('housekeeping.storage.col.tls')}>
                      {number(d.tls)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
      <Section id="backup" title={t('data.backup')}>
        <p class={`mb-3 text-sm ${mutedClass}`}>{t('data.backupHint')}</p>
        <div class="flex flex-wrap gap-3">
          <button type="button" class={primaryButtonClass} onClick={() => void backup()} data-testid="download-backup">
            {t('data.backup')}
          </button>
          <label class={`${buttonClass} cursor-pointer focus-within:outline-2 focus-within:outline-blue-600`}>
            {t('data.restore')}
            <input
              type="file"
              accept=".jsonl,.json,application/x-ndjson"
              class="sr-only"
              data-testid="restore-backup"
              onChange={(e) => {
                const files = Array.from(e.currentTarget.files ?? []);
                e.currentTarget.value = '';
                if (files.length === 0) return;
                setRestoring(true);
                void importer.start(files);
              }}
            />
          </label>
        </div>
        {restoring && progress.total > 0 && !progress.running && (
          <div data-testid="restore-outcome">
            <ImportResults progress={progress} />
          </div>
        )}
      </Section>
      <Section id="retention" title={t('housekeeping.retention.heading')}>
        <p class={`mb-3 text-sm ${mutedClass}`}>{t('housekeeping.retention.hint')}</p>
        <div class="flex flex-wrap items-end gap-3">
          <label class="flex flex-col gap-1 text-sm">
            <span class={mutedClass}>{t('housekeeping.retention.label')}</span>
            <select
              class={inputClass}
              value={String(months)}
              data-testid="retention-select"
              onChange={(e) => {
                const chosenMonths = Number(e.currentTarget.value);
                setMonths(chosenMonths);
                writeRetentionMonths(chosenMonths);
              }}
            >
              <option value="0">{t('housekeeping.retention.off')}</option>
              {RETENTION_CHOICES.map((m) => (
                <option key={m} value={String(m)}>
                  {t('housekeeping.retention.months', { count: m })}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class={buttonClass}
            disabled={months === 0}
            onClick={() => void askRetention()}
            data-testid="apply-retention"
          >
            {t('housekeeping.retention.apply')}
          </button>
        </div>
      </Section>
      <Section id="delete-domain" title={t('housekeeping.delete.domainHeading')}>
        <div class="flex flex-wrap items-end gap-3">
          <label class="flex flex-col gap-1 text-sm">
            <span class={mutedClass}>{t('housekeeping.delete.domainLabel')}</span>
            <select
              class={inputClass}
              value={domain}
              onChange={(e) => setDomain(e.currentTarget.value)}
              data-testid="delete-domain-select"
            >
              <option value="">{t('housekeeping.delete.chooseDomain')}</option>
              {domains.map((d) => (
                <option key={d.domain} value={d.domain}>
                  {d.domain}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class={buttonClass}
            disabled={!chosen}
            data-testid="delete-domain"
            onClick={() => chosen && setConfirming({ what: 'domain', domain: chosen.domain, counts: chosen })}
          >
            {t('housekeeping.delete.domainButton')}
          </button>
        </div>
      </Section>
      <Section id="delete" title={t('data.deleteAll')}>
        <p class={`mb-3 text-sm ${mutedClass}`}>{t('housekeeping.delete.allHint')}</p>
        <button
          type="button"
          class={dangerButtonClass}
          onClick={() => setConfirming({ what: 'all', counts: domains })}
          data-testid="delete-everything"
        >
          {t('data.deleteAll')}
        </button>
      </Section>
      <p role="status" class="text-sm" data-testid="data-status">
        {status}
      </p>
      {confirming && (
        <ConfirmDialog
          message={
            confirming.what === 'all'
              ? t('housekeeping.delete.confirmAll', {
                  counts: t('housekeeping.counts', countParams(total)),
                  domains: domains.length,
                })
              : confirming.what === 'domain'
                ? t('housekeeping.delete.confirmDomain', {
                    domain: confirming.domain,
                    counts: t('housekeeping.counts', countParams(confirming.counts)),
                  })
                : t('housekeeping.retention.confirm', {
                    date: date(confirming.cutoff),
                    counts: t('housekeeping.counts', countParams(sumCounts(confirming.counts))),
                  })
          }
          confirmLabel={t('housekeeping.delete.button', {
            count: reportsOf(
              confirming.what === 'domain'
                ? confirming.counts
                : confirming.what === 'all'
                  ? total
                  : sumCounts(confirming.counts),
            ),
          })}
          onConfirm={() => void remove(confirming)}
          onCancel={() => setConfirming(undefined)}
        >
          {confirming.what === 'retention' && (
            <ul class={`mt-2 ml-4 list-disc text-sm ${mutedClass}`} data-testid="retention-domains">
              {confirming.counts.map((d) => (
                <li key={d.domain}>
                  {d.domain}: {t('housekeeping.counts', countParams(d))}
                </li>
              ))}
            </ul>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
