// The checker: paste records (or a zone snippet) and see them parsed, explained and judged; with live lookups on,
// read what a domain publishes.
import { useState } from 'preact/hooks';
import {
  checkRecordText,
  type RecordCheck,
  evaluateSpfLookups,
  type SpfLookupEvaluation,
  lookupPublishedRecords,
  type PublishedRecordsReport,
  isValidDomainName,
} from '../../../core/dns';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../../../core/i18n';
import { Badge, buttonClass, inputClass, mutedClass, primaryButtonClass, Section } from '../ui/ui';
import { ExplanationTable, IssueList } from './IssueList';
import { useLiveResolver } from './LiveLookups';
import { SpfLookupTree } from './SpfLookupTree';

const KIND_NAMES: Record<RecordCheck['kind'], MessageKey> = {
  dmarc: 'records.kind.dmarc',
  spf: 'records.kind.spf',
  dkim: 'records.kind.dkim',
  'mta-sts': 'records.kind.mta-sts',
  'mta-sts-policy': 'records.kind.mta-sts-policy',
  'tls-rpt': 'records.kind.tls-rpt',
  bimi: 'records.kind.bimi',
  'dmarc-authorization': 'records.kind.dmarc-authorization',
  unknown: 'records.kind.unknown',
};

/** A card's verdict: broken, sound, or sound as far as can be told without following its includes. */
function verdictOf(check: RecordCheck): 'invalid' | 'valid' | 'not-counted' {
  if (!check.valid || check.issues.some((issue) => issue.severity === 'error')) return 'invalid';
  return (check.spfLookups?.uncounted.length ?? 0) > 0 ? 'not-counted' : 'valid';
}

const VERDICT = {
  invalid: { colour: 'red', label: 'records.checker.invalid' },
  valid: { colour: 'green', label: 'records.checker.valid' },
  'not-counted': { colour: 'amber', label: 'records.checker.notCounted' },
} as const;

/**
 * One checked record. A pasted SPF record is counted offline; with live lookups on, its whole include tree can be
 * followed, as published at the domain the user named (a and mx terms without a domain need it).
 */
function CheckCard({ check, domain }: { check: RecordCheck; domain?: string }) {
  const { t } = useI18n();
  const { resolver } = useLiveResolver();
  const [tree, setTree] = useState<SpfLookupEvaluation>();
  const verdict = verdictOf(check);
  return (
    <article
      class="space-y-2 rounded-lg border border-slate-200 p-3 dark:border-slate-700"
      data-testid="check-result"
      data-kind={check.kind}
      data-verdict={verdict}
    >
      <header class="flex flex-wrap items-center gap-2">
        <h3 class="font-semibold">{t(KIND_NAMES[check.kind])}</h3>
        {check.name && <span class="font-mono text-sm">{check.name}</span>}
        <Badge colour={VERDICT[verdict].colour}>{t(VERDICT[verdict].label)}</Badge>
      </header>
      <p class={`break-all font-mono text-xs ${mutedClass}`}>{check.text}</p>
      <ExplanationTable rows={check.explanation} />
      <IssueList issues={check.issues} />
      {check.spfLookups && resolver && (
        <p class="flex flex-wrap items-center gap-2 text-sm">
          <button
            type="button"
            class={buttonClass}
            disabled={domain === undefined}
            data-testid="checker-spf-live"
            onClick={() => {
              if (domain !== undefined)
                void evaluateSpfLookups(domain, resolver, { rootRecord: check.text }).then(setTree);
            }}
          >
            {t('records.checker.countLive')}
          </button>
          {domain === undefined && <span class={mutedClass}>{t('records.checker.countLiveNeedsDomain')}</span>}
        </p>
      )}
      {tree && <SpfLookupTree evaluation={tree} />}
    </article>
  );
}

export function CheckerPanel() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [pasteDomain, setPasteDomain] = useState('');
  const [checks, setChecks] = useState<RecordCheck[]>();
  const [domain, setDomain] = useState('');
  const [selectors, setSelectors] = useState('');
  const [report, setReport] = useState<PublishedRecordsReport>();
  const [busy, setBusy] = useState(false);
  const { resolver, server } = useLiveResolver();
  const host = new URL(server.endpoint).host;
  return (
    <div class="space-y-6">
      <Section title={t('records.checker.pasteHeading')} id="checker-paste">
        <label class="block text-sm font-medium" for="checker-input">
          {t('records.checker.pasteLabel')}
        </label>
        <textarea
          id="checker-input"
          class={`${inputClass} mt-1 block w-full font-mono`}
          rows={6}
          data-testid="checker-input"
          value={text}
          placeholder={'v=DMARC1; p=none; rua=mailto:dmarc@example.com'}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <label class="mt-2 block text-sm font-medium">
          {t('records.checker.pasteDomain')}
          <input
            class={`${inputClass} ml-2 w-64`}
            data-testid="checker-domain"
            value={pasteDomain}
            placeholder="example.com"
            onInput={(e) => setPasteDomain(e.currentTarget.value)}
          />
        </label>
        <div class="mt-2 flex gap-2">
          <button
            type="button"
            class={primaryButtonClass}
            data-testid="checker-run"
            onClick={() =>
              setChecks(checkRecordText(text, isValidDomainName(pasteDomain) ? { domain: pasteDomain } : {}))
            }
          >
            {t('records.checker.check')}
          </button>
          <button type="button" class={buttonClass} onClick={() => (setText(''), setChecks(undefined))}>
            {t('records.checker.clear')}
          </button>
        </div>
        {checks && (
          <div class="mt-4 space-y-3" aria-live="polite">
            {checks.length === 0 && <p class={mutedClass}>{t('records.checker.nothing')}</p>}
            {checks.map((check, index) => (
              <CheckCard
                key={index}
                check={check}
                {...(isValidDomainName(pasteDomain) ? { domain: pasteDomain.trim() } : {})}
              />
            ))}
          </div>
        )}
      </Section>

      <Section title={t('records.checker.liveHeading')} id="checker-live">
        <form
          class="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!resolver || !isValidDomainName(domain)) return;
            setBusy(true);
            void lookupPublishedRecords(domain, resolver, { dkimSelectors: selectors.split(/[\s,]+/).filter(Boolean) })
              .then(setReport)
              .finally(() => setBusy(false));
          }}
        >
          <label class="text-sm font-medium">
            {t('records.checker.domain')}
            <input
              class={`${inputClass} ml-2 w-64`}
              data-testid="live-domain"
              value={domain}
              onInput={(e) => setDomain(e.currentTarget.value.trim())}
            />
          </label>
          <label class="text-sm font-medium">
            {t('records.checker.selectors')}
            <input
              class={`${inputClass} ml-2 w-48`}
              data-testid="live-selectors"
              value={selectors}
              placeholder="google, selector1"
              onInput={(e) => setSelectors(e.currentTarget.value)}
            />
          </label>
          <button
            type="submit"
            class={primaryButtonClass}
            disabled={!resolver || busy || !isValidDomainName(domain)}
            data-testid="live-run"
          >
            {busy ? t('records.checker.lookingUp') : t('records.checker.lookUp')}
          </button>
        </form>
        <p class={`mt-2 text-xs ${mutedClass}`}>
          {resolver ? t('records.checker.liveOn', { host }) : t('records.checker.liveOff')}
        </p>
        {report && (
          <div class="mt-4 space-y-3" data-testid="live-report">
            <IssueList issues={report.issues} />
            {report.checks.map((check, index) => (
              <CheckCard key={index} check={check} />
            ))}
            {report.spf && (
              <div>
                <h3 class="font-semibold">{t('records.checker.spfTree')}</h3>
                <SpfLookupTree evaluation={report.spf} />
              </div>
            )}
          </div>
        )}
      </Section>
    </div>
  );
}
