// One record in full: every field its report carries (reporter, report id, dates, the policy published, the
// disposition and verdicts as evaluated, override reasons with their comments, header From, envelope from and to, each
// DKIM and SPF result with selector, scope and human result), the source's AS and country from the offline ASN table,
// its PTR name when the user has looked it up, the raw XML at this record, and this record exported as parsedmarc's.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { lookupAsn, type AsnInfo } from '../../../core/analysis';
import { isoFromReportSeconds, type PolicyPublished, type StoredRecord } from '../../../core/report';
import { getReport, type StoredAggregateReport } from '../../../core/store';
import { getDatabase } from '../app/database';
import { useI18n } from '../i18n/i18n';
import { cachedReverseDns } from '../senders/ptrOverHttps';
import { useAsnTable } from '../senders/useAsnTable';
import { buttonClass, downloadFile, mutedClass } from '../ui/ui';
import { exportFileName, parsedmarcCsv, parsedmarcJson } from './exportView';

/** The policy as a DMARC record writes it (`p=reject; sp=quarantine; adkim=s`), only the tags the report gave. */
function reportedPolicyTags(policy: PolicyPublished): string {
  const tags: Array<[string, string | number | undefined]> = [
    ['p', policy.p],
    ['sp', policy.sp],
    ['np', policy.np],
    ['adkim', policy.adkim],
    ['aspf', policy.aspf],
    ['pct', policy.pct],
    ['fo', policy.fo],
    ['t', policy.testing],
    ['discovery_method', policy.discoveryMethod],
  ];
  return tags
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([tag, value]) => `${tag}=${value}`)
    .join('; ');
}

function Field({ label, children, testId }: { label: string; children: ComponentChildren; testId?: string }) {
  return (
    <div class="min-w-0">
      <dt class={`text-xs font-semibold uppercase tracking-wide ${mutedClass}`}>{label}</dt>
      <dd class="break-words" data-field={testId}>
        {children}
      </dd>
    </div>
  );
}

const DASH = '–';

export function RecordDetail({ stored, onShowXml }: { stored: StoredRecord; onShowXml: (r: StoredRecord) => void }) {
  const { t, number, dateTime, locale } = useI18n();
  const when = (seconds: number) => (isoFromReportSeconds(seconds) === undefined ? String(seconds) : dateTime(seconds));
  const { record } = stored;
  const [report, setReport] = useState<StoredAggregateReport | null | undefined>();
  const [ptr, setPtr] = useState<string[] | undefined>();
  const { table } = useAsnTable();
  useEffect(() => {
    let live = true;
    void getDatabase()
      .then((db) => getReport(db, stored.reportKey))
      .then((found) => live && setReport(found?.kind === 'aggregate' ? found : null));
    // A PTR name the user already looked up (Senders page) is read from this browser; nothing is sent.
    void cachedReverseDns([record.sourceIp]).then((names) => live && setPtr(names.get(record.sourceIp)));
    return () => {
      live = false;
    };
  }, [stored.reportKey, record.sourceIp]);
  const asn: AsnInfo = table ? lookupAsn(table, record.sourceIp) : {};
  const country = asn.country ? regionName(asn.country, locale) : undefined;
  const head = report?.report;
  const exportOne = (kind: 'csv' | 'json') => {
    if (!report) return;
    const reports = new Map([[report.key, report]]);
    const text = kind === 'csv' ? parsedmarcCsv([stored], reports) : parsedmarcJson([stored], reports);
    downloadFile(
      exportFileName(stored.domain, kind, `record-${record.sourceIp}`),
      [text],
      kind === 'csv' ? 'text/csv' : 'application/json',
    );
  };
  const reasons = record.reasons.length
    ? record.reasons.map((r, i) => (
        <div key={i}>
          {r.type}
          {r.comment ? <span class={mutedClass}> — {r.comment}</span> : null}
        </div>
      ))
    : DASH;
  return (
    <div
      class="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm dark:border-slate-700 dark:bg-slate-800/60"
      data-testid="record-detail"
    >
      <dl class="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        <Field label={t('drilldown.record.reporter')} testId="reporter">
          {stored.orgName}
          {head?.metadata.email ? <div class={`text-xs ${mutedClass}`}>{head.metadata.email}</div> : null}
        </Field>
        <Field label={t('drilldown.record.reportId')} testId="report-id">
          <span class="font-mono text-xs">{head?.metadata.reportId ?? stored.reportKey.split('\u0000').pop()}</span>
        </Field>
        <Field label={t('drilldown.record.dates')} testId="dates">
          {when(stored.begin)} – {when(stored.end)}
        </Field>
        <Field label={t('drilldown.record.policy')} testId="policy">
          {head ? (
            <>
              <span class="font-mono text-xs">{reportedPolicyTags(head.policy) || DASH}</span>
              <div class={`text-xs ${mutedClass}`}>{head.policy.domain}</div>
            </>
          ) : (
            DASH
          )}
        </Field>
        <Field label={t('drilldown.record.source')} testId="source">
          <span class="font-mono text-xs">{record.sourceIp}</span>
          <div class={`text-xs ${mutedClass}`}>{ptr?.length ? ptr.join(', ') : t('drilldown.record.ptrUnknown')}</div>
        </Field>
        <Field label={t('drilldown.record.network')} testId="network">
          {asn.asn !== undefined ? `AS${asn.asn}${asn.asnName ? ` ${asn.asnName}` : ''}` : DASH}
          {country ? <div class={`text-xs ${mutedClass}`}>{country}</div> : null}
        </Field>
        <Field label={t('drilldown.record.count')} testId="count">
          {number(record.count)}
        </Field>
        <Field label={t('drilldown.record.evaluated')} testId="evaluated">
          {t('drilldown.record.evaluatedText', {
            disposition: record.disposition,
            dkim: record.dkim,
            spf: record.spf,
          })}
        </Field>
        <Field label={t('drilldown.record.reasons')} testId="reasons">
          {reasons}
        </Field>
        <Field label={t('drilldown.record.headerFrom')} testId="header-from">
          {record.headerFrom || DASH}
        </Field>
        <Field label={t('drilldown.record.envelopeFrom')} testId="envelope-from">
          {record.envelopeFrom ?? DASH}
        </Field>
        <Field label={t('drilldown.record.envelopeTo')} testId="envelope-to">
          {record.envelopeTo ?? DASH}
        </Field>
      </dl>
      <div class="grid grid-cols-1 gap-3 md:grid-cols-2">
        <div>
          <h3 class="text-xs font-semibold uppercase tracking-wide">{t('drilldown.record.dkim')}</h3>
          {record.dkimResults.length === 0 ? (
            <p class={mutedClass}>{t('drilldown.record.noDkim')}</p>
          ) : (
            <ul class="space-y-1" data-field="dkim">
              {record.dkimResults.map((r, i) => (
                <li key={i}>
                  <span class="font-mono text-xs">
                    d={r.domain || DASH} s={r.selector ?? DASH}
                  </span>{' '}
                  <strong>{r.result}</strong>
                  {r.humanResult ? <span class={mutedClass}> — {r.humanResult}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3 class="text-xs font-semibold uppercase tracking-wide">{t('drilldown.record.spf')}</h3>
          {record.spfResults.length === 0 ? (
            <p class={mutedClass}>{t('drilldown.record.noSpf')}</p>
          ) : (
            <ul class="space-y-1" data-field="spf">
              {record.spfResults.map((r, i) => (
                <li key={i}>
                  <span class="font-mono text-xs">
                    {r.domain || DASH} ({r.scope ?? 'mfrom'})
                  </span>{' '}
                  <strong>{r.result}</strong>
                  {r.humanResult ? <span class={mutedClass}> — {r.humanResult}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <div class="flex flex-wrap gap-2">
        <button type="button" class={buttonClass} onClick={() => onShowXml(stored)}>
          {t('drilldown.record.xml')}
        </button>
        <button type="button" class={buttonClass} disabled={!report} onClick={() => exportOne('csv')}>
          {t('drilldown.record.csv')}
        </button>
        <button type="button" class={buttonClass} disabled={!report} onClick={() => exportOne('json')}>
          {t('drilldown.record.json')}
        </button>
      </div>
    </div>
  );
}

/** A country's name in the page's language (`NL` → "Netherlands (NL)"), or the code when the browser has no name. */
function regionName(code: string, locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'region' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}
