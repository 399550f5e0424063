// The rollout plan: dated steps from p=none to p=reject, and — from the reports stored in this browser — whether the
// next step is safe now.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  assessNextStep,
  type NextStepAssessment,
  isValidDomainName,
  formatDmarcRecord,
  parseDmarcRecord,
  type DmarcRecord,
  buildRolloutPlan,
  findCurrentStep,
  seedDmarcRecord,
  type RolloutFlavour,
  joinTxtStrings,
  askResolver,
  publishedPolicyHistory,
  type PublishedPolicyRun,
} from '../../../core/dns';
import { normalizeDomain } from '../../../core/report';
import { listAggregateReports, listDomains, readRecords } from '../../../core/store';
import { dataVersion, getDatabase } from '../app/database';
import { useObservable } from '../app/Observable';
import { useI18n } from '../i18n/i18n';
import {
  Badge,
  buttonClass,
  inputClass,
  mutedClass,
  primaryButtonClass,
  Section,
  tableClass,
  tdClass,
  thClass,
} from '../ui/ui';
import { CopyButton } from './CopyButton';
import { useLiveResolver } from './LiveLookups';
import { readSavedDomain, saveDomain } from './savedSetups';
import { useRecordText, type PageMessage } from './useRecordText';
import { utcDay } from '../../../core/analysis';

/** RFC 9989's rollout advice is framed in months; the safety check looks at the last 30 days of reports. */
const ASSESSMENT_DAYS = 30;

const VERDICT = {
  safe: { colour: 'green', label: 'records.rollout.verdict.safe' },
  caution: { colour: 'amber', label: 'records.rollout.verdict.caution' },
  'not-yet': { colour: 'red', label: 'records.rollout.verdict.not-yet' },
  'no-data': { colour: 'grey', label: 'records.rollout.verdict.no-data' },
} as const;

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function RolloutPanel() {
  const i18n = useI18n();
  const { t } = i18n;
  const say = useRecordText();
  const [domain, setDomain] = useState('');
  const [flavour, setFlavour] = useState<RolloutFlavour>('rfc9989');
  const [start, setStart] = useState(today);
  const [compatiblePct, setCompatiblePct] = useState(true);
  // Empty until a domain is known: the record then starts from what its reports show (seedDmarcRecord), so no
  // placeholder address of someone else's domain can ever be copied.
  const [baseText, setBaseText] = useState('');
  /** The user typed in the base record, or it came from a lookup: a new domain no longer replaces it. */
  const [baseGiven, setBaseGiven] = useState(false);
  /** The report address made up from the domain, while the base record still holds it. */
  const [assumedRua, setAssumedRua] = useState<string>();
  /** The domain whose reports last placed the plan's current step (a later import does not move it again). */
  const placedFor = useRef<string | undefined>(undefined);
  const [currentStep, setCurrentStep] = useState(0);
  const [storedDomains, setStoredDomains] = useState<string[]>([]);
  const [assessment, setAssessment] = useState<NextStepAssessment>();
  const [reported, setReported] = useState<PublishedPolicyRun>();
  const [status, setStatus] = useState<PageMessage>();
  const version = useObservable(dataVersion);
  const name = normalizeDomain(domain);
  const { resolver, server } = useLiveResolver();

  /** Reads the domain's published DMARC record (live lookups only) and places it in the plan. */
  async function readPublished(): Promise<void> {
    if (!resolver) return;
    const answer = await askResolver(resolver, `_dmarc.${name}`, 'TXT');
    const text =
      answer.status === 'ok' ? answer.answers.map(joinTxtStrings).find((v) => /^v\s*=\s*DMARC1/.test(v)) : undefined;
    const parsed = text === undefined ? undefined : parseDmarcRecord(text);
    if (text === undefined || !parsed?.ok) {
      setStatus(
        answer.status === 'error'
          ? { key: 'records.rollout.lookupFailed', params: { error: answer.text ?? answer.message } }
          : { key: 'records.rollout.noRecord', params: { name: `_dmarc.${name}` } },
      );
      return;
    }
    const record = parsed.record;
    // A published pct other than 100 (without t=y) only exists on the RFC 7489 path.
    const nextFlavour: RolloutFlavour =
      record.pct !== undefined && record.pct !== 100 && record.t !== 'y' ? 'rfc7489' : flavour;
    // The plan sets p, pct and t per step; everything else published (rua, adkim, …) is kept.
    const kept: DmarcRecord = { ...record, p: 'none' };
    delete kept.pct;
    delete kept.t;
    const nextPlan = buildRolloutPlan({
      flavour: nextFlavour,
      start: new Date(`${start}T00:00:00Z`),
      base: kept,
      compatiblePct,
    });
    const index = findCurrentStep(nextPlan, record);
    setFlavour(nextFlavour);
    setBaseText(formatDmarcRecord(kept));
    setBaseGiven(true);
    setAssumedRua(undefined);
    if (index >= 0) setCurrentStep(index);
    setStatus(
      index >= 0
        ? { key: 'records.rollout.published', params: { record: text, step: index + 1 } }
        : { key: 'records.rollout.publishedOffPlan', params: { record: text } },
    );
  }

  useEffect(() => {
    void getDatabase()
      .then(listDomains)
      .then(setStoredDomains, () => setStoredDomains([]));
  }, [version]);

  // Opening a domain brings back its saved plan, and starts the record from what the stored reports say receivers
  // found published (p, sp, adkim, aspf, pct, fo) with the report addresses of its saved wizard setup, if any.
  useEffect(() => {
    setReported(undefined);
    if (!isValidDomainName(name)) return;
    let stale = false;
    void Promise.all([readSavedDomain(name), getDatabase().then((db) => listAggregateReports(db, name))]).then(
      ([saved, reports]) => {
        if (stale) return;
        if (saved?.plan) {
          setFlavour(saved.plan.flavour);
          setStart(saved.plan.start);
          setCompatiblePct(saved.plan.compatiblePct);
          setCurrentStep(saved.plan.currentStep);
        }
        const run = publishedPolicyHistory(
          reports.map((r) => ({ begin: r.begin, end: r.end, policy: r.report.policy })),
        );
        setReported(run);
        if (baseGiven) return;
        const seeded = seedDmarcRecord(name, {
          ...(run ? { reported: run.record } : {}),
          ...(saved?.setup ? { given: saved.setup.dmarc } : {}),
        });
        // Where the reports place the domain, the first time it is opened: a reported pct other than 100 (without t=y)
        // is a step of the RFC 7489 path only.
        if (!saved?.plan && run && placedFor.current !== name) {
          placedFor.current = name;
          const pct = run.record.pct;
          const nextFlavour = pct !== undefined && pct !== 100 && run.record.t !== 'y' ? 'rfc7489' : flavour;
          const plan = buildRolloutPlan({
            flavour: nextFlavour,
            start: new Date(`${start}T00:00:00Z`),
            base: seeded.record,
            compatiblePct,
          });
          const index = findCurrentStep(plan, run.record);
          setFlavour(nextFlavour);
          if (index >= 0) setCurrentStep(index);
        }
        // As for a looked-up record: the plan sets p, pct and t per step, the rest is kept.
        const kept: DmarcRecord = { ...seeded.record, p: 'none' };
        delete kept.pct;
        delete kept.t;
        setBaseText(formatDmarcRecord(kept));
        setAssumedRua(seeded.assumedRua);
      },
    );
    return () => {
      stale = true;
    };
  }, [name, version]);

  const base = parseDmarcRecord(baseText);
  const baseRecord: DmarcRecord = base.ok ? base.record : { extensions: [] };
  const domainValid = isValidDomainName(name);
  const showAssumedRua = domainValid && assumedRua !== undefined && baseText.includes(assumedRua);
  const plan = useMemo(
    () => buildRolloutPlan({ flavour, start: new Date(`${start}T00:00:00Z`), base: baseRecord, compatiblePct }),
    [flavour, start, compatiblePct, baseText],
  );
  const step = Math.min(currentStep, plan.length - 1);
  const next = plan[step + 1];
  const reportedStep = reported ? findCurrentStep(plan, reported.record) : -1;
  const daysAtReportedStep = reported ? Math.floor((Date.now() / 1000 - reported.since) / 86_400) : 0;
  const minimumDays = plan[step]?.minimumDays;

  useEffect(() => {
    setAssessment(undefined);
    if (!isValidDomainName(name) || !next) return;
    let stale = false;
    const to = Math.floor(Date.now() / 1000);
    void getDatabase()
      .then((db) => readRecords(db, name, { from: to - ASSESSMENT_DAYS * 86_400, to }))
      .then((stored) => {
        if (stale) return;
        setAssessment(
          assessNextStep(
            stored.map((s) => s.record),
            {
              domain: name,
              next,
              ...(baseRecord.adkim ? { adkim: baseRecord.adkim } : {}),
              ...(baseRecord.aspf ? { aspf: baseRecord.aspf } : {}),
            },
          ),
        );
      });
    return () => {
      stale = true;
    };
  }, [name, step, plan, version]);

  return (
    <div class="space-y-6">
      <Section title={t('records.rollout.planHeading')} id="rollout-plan">
        <div class="grid gap-4 md:grid-cols-2">
          <label class="text-sm font-medium">
            {t('records.rollout.domain')}
            <input
              class={`${inputClass} ml-2 w-64`}
              list="rollout-domains"
              data-testid="rollout-domain"
              value={domain}
              onInput={(e) => setDomain(e.currentTarget.value)}
            />
            <datalist id="rollout-domains">
              {storedDomains.map((d) => (
                <option key={d} value={d} />
              ))}
            </datalist>
          </label>
          <label class="text-sm font-medium">
            {t('records.rollout.path')}
            <select
              class={`${inputClass} ml-2`}
              value={flavour}
              data-testid="rollout-flavour"
              onChange={(e) => setFlavour(e.currentTarget.value as RolloutFlavour)}
            >
              <option value="rfc9989">{t('records.rollout.path.rfc9989')}</option>
              <option value="rfc7489">{t('records.rollout.path.rfc7489')}</option>
            </select>
          </label>
          <label class="text-sm font-medium">
            {t('records.rollout.start')}
            <input
              type="date"
              class={`${inputClass} ml-2`}
              value={start}
              data-testid="rollout-start"
              onChange={(e) => setStart(e.currentTarget.value || today())}
            />
          </label>
          {flavour === 'rfc9989' && (
            <label class="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={compatiblePct}
                onChange={(e) => setCompatiblePct(e.currentTarget.checked)}
              />
              {t('records.rollout.compatiblePct')}
            </label>
          )}
          <label class="text-sm font-medium md:col-span-2">
            {t('records.rollout.base')}
            <input
              class={`${inputClass} mt-1 block w-full font-mono`}
              data-testid="rollout-base"
              value={baseText}
              onInput={(e) => {
                setBaseText(e.currentTarget.value);
                setBaseGiven(true);
              }}
            />
            {showAssumedRua && (
              <span class={`mt-1 block text-sm ${mutedClass}`} data-testid="rollout-assumed-rua">
                {t('records.rollout.assumedRua', { address: assumedRua.replace(/^mailto:/, '') })}
              </span>
            )}
            {baseText.trim() !== '' && !base.ok && base.issues[0] && (
              <span class="text-sm text-red-700" role="alert">
                {say(base.issues[0].text)}
              </span>
            )}
          </label>
        </div>
        {reported && (
          <p class="mt-4 flex flex-wrap items-center gap-2 text-sm" data-testid="rollout-reported">
            <span>
              {t(reportedStep >= 0 ? 'records.rollout.reported' : 'records.rollout.reportedOffPlan', {
                record: formatDmarcRecord(reported.record),
                since: utcDay(reported.since),
                reports: t('records.rollout.reports', { count: reported.reports }),
                days: t('records.rollout.days', { count: daysAtReportedStep }),
                step: reportedStep + 1,
              })}
            </span>
            {reportedStep >= 0 && reportedStep !== step && (
              <button
                type="button"
                class={buttonClass}
                data-testid="rollout-use-reported"
                onClick={() => setCurrentStep(reportedStep)}
              >
                {t('records.rollout.useReported')}
              </button>
            )}
          </p>
        )}
        {!domainValid && (
          <p class={`mt-4 text-sm ${mutedClass}`} data-testid="rollout-enter-domain">
            {t('records.rollout.enterDomainToCopy')}
          </p>
        )}
        <div class="mt-4 overflow-x-auto">
          <table class={tableClass} data-testid="rollout-table">
            <thead>
              <tr>
                <th class={thClass} scope="col">
                  {t('records.rollout.col.now')}
                </th>
                <th class={thClass} scope="col">
                  {t('records.rollout.col.from')}
                </th>
                <th class={thClass} scope="col">
                  {t('records.rollout.col.stay')}
                </th>
                <th class={thClass} scope="col">
                  {t('records.rollout.col.record')}
                </th>
                <th class={thClass} scope="col">
                  {t('records.rollout.col.effect')}
                </th>
              </tr>
            </thead>
            <tbody>
              {plan.map((s) => (
                <tr key={s.index} class={s.index === step ? 'bg-blue-50 dark:bg-blue-950/40' : ''}>
                  <td class={tdClass}>
                    <input
                      type="radio"
                      name="current-step"
                      aria-label={t('records.rollout.atStep', { step: s.index + 1 })}
                      checked={s.index === step}
                      onChange={() => setCurrentStep(s.index)}
                    />
                  </td>
                  <td class={`${tdClass} whitespace-nowrap`}>{s.startsOn}</td>
                  <td class={tdClass}>
                    {s.minimumDays === undefined ? '—' : t('records.rollout.days', { count: s.minimumDays })}
                    {s.dwellSource === 'rfc9989' && (
                      <span class={`block text-xs ${mutedClass}`}>{t('records.rollout.rfcAdvice')}</span>
                    )}
                  </td>
                  <td class={`${tdClass} font-mono text-xs`}>
                    <div class="flex items-start gap-2">
                      <span class="break-all">{s.record}</span>
                      {domainValid && (
                        <CopyButton text={s.record} label={t('records.rollout.copyStep', { step: s.index + 1 })} />
                      )}
                    </div>
                  </td>
                  <td class={tdClass}>
                    {say(s.effectText)}
                    {s.adviceText && <span class={`block text-xs ${mutedClass}`}>{say(s.adviceText)}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div class="mt-3 flex flex-wrap items-center gap-3">
          <button
            type="button"
            class={buttonClass}
            disabled={!resolver || !isValidDomainName(name)}
            data-testid="rollout-read-published"
            title={
              resolver
                ? t('records.rollout.asks', { host: new URL(server.endpoint).host })
                : t('records.rollout.turnOnFirst')
            }
            onClick={() => void readPublished()}
          >
            {t('records.rollout.readPublished')}
          </button>
          <button
            type="button"
            class={primaryButtonClass}
            disabled={!isValidDomainName(name)}
            data-testid="rollout-save"
            onClick={() =>
              void saveDomain(name, { plan: { flavour, start, compatiblePct, currentStep: step } }).then(() =>
                setStatus({ key: 'records.rollout.saved', params: { domain: name } }),
              )
            }
          >
            {t('records.rollout.save')}
          </button>
          {status && (
            <span role="status" class="text-sm text-emerald-800 dark:text-emerald-300">
              {say(status)}
            </span>
          )}
        </div>
      </Section>

      <Section title={t('records.rollout.safetyHeading')} id="rollout-safety">
        {!isValidDomainName(name) && <p class={mutedClass}>{t('records.rollout.enterDomain')}</p>}
        {isValidDomainName(name) && !next && <p>{t('records.rollout.complete')}</p>}
        {assessment && next && (
          <div class="space-y-3" data-testid="rollout-assessment" data-verdict={assessment.verdict}>
            <p class="flex flex-wrap items-center gap-2">
              <Badge colour={VERDICT[assessment.verdict].colour}>{t(VERDICT[assessment.verdict].label)}</Badge>
              <span>
                {t('records.rollout.next')} <span class="font-mono text-sm">{next.record}</span>
              </span>
            </p>
            <p>{say(assessment.summaryText)}</p>
            {reportedStep === step && minimumDays !== undefined && daysAtReportedStep < minimumDays && (
              <p class="text-sm" data-testid="rollout-dwell">
                {t(plan[step]?.dwellSource === 'rfc9989' ? 'records.rollout.dwellAdvised' : 'records.rollout.dwell', {
                  days: t('records.rollout.days', { count: daysAtReportedStep }),
                  minimum: minimumDays,
                })}
              </p>
            )}
            {next.startsOn > today() && (
              <p class="text-sm" data-testid="rollout-wait">
                {t('records.rollout.wait', { date: next.startsOn })}
              </p>
            )}
            <p class={`text-sm ${mutedClass}`}>
              {t(
                assessment.verdictDisagreements > 0
                  ? 'records.rollout.lastDaysDisagreeing'
                  : 'records.rollout.lastDays',
                {
                  days: ASSESSMENT_DAYS,
                  total: assessment.totalMessages,
                  failing: assessment.failingMessages,
                  disagreeing: assessment.verdictDisagreements,
                },
              )}
            </p>
            {assessment.failingSources.length > 0 && (
              <table class={tableClass}>
                <thead>
                  <tr>
                    <th class={thClass} scope="col">
                      {t('records.rollout.col.identity')}
                    </th>
                    <th class={thClass} scope="col">
                      {t('records.rollout.col.messages')}
                    </th>
                    <th class={thClass} scope="col">
                      {t('records.rollout.col.reason')}
                    </th>
                    <th class={thClass} scope="col">
                      {t('records.rollout.col.sources')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {assessment.failingSources.slice(0, 20).map((source) => (
                    <tr key={source.identity}>
                      <td class={tdClass}>
                        {source.identity === 'unauthenticated' ? t('records.rollout.nobody') : source.identity}
                        {source.service && <span class="block text-xs font-medium">{source.service}</span>}
                        {source.overrides.length > 0 && (
                          <span class={`block text-xs ${mutedClass}`}>{source.overrides.join(', ')}</span>
                        )}
                      </td>
                      <td class={tdClass}>{i18n.number(source.messages)}</td>
                      <td class={tdClass}>{say(source.reasonText)}</td>
                      <td class={`${tdClass} font-mono text-xs`}>{source.sourceIps.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </Section>
    </div>
  );
}
