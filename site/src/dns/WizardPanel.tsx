// The sender-domain wizard: the domain, who sends for it, its DMARC choices and keys in; every record to publish out.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { normalizeDomain } from '../../../core/report';
import { WIZARD_SERVICES } from '../../../core/analysis';
import {
  buildDomainRecords,
  EMPTY_DOMAIN_SETUP,
  formatZoneSnippet,
  isValidDomainName,
  senderDkimPractice,
  type DomainSetup,
  compareWithPublished,
  type PublicationCheck,
  dkimConfigSnippets,
  privateKeyFileName,
  evaluateSpfLookups,
  type SpfLookupEvaluation,
  formatDmarcRecord,
  type DmarcRecord,
  mtaStsIdFor,
  type MtaStsMode,
  publishedPolicyHistory,
  seedDmarcRecord,
  recordText,
  MAX_SPF_DNS_LOOKUPS,
  MAX_SPF_VOID_LOOKUPS,
  formatTxtForZone,
  MAX_TXT_STRING_BYTES,
  splitTxtValue,
  txtByteLength,
} from '../../../core/dns';
import { listAggregateReports } from '../../../core/store';
import { dataVersion, getDatabase } from '../app/database';
import { useObservable } from '../app/Observable';
import { useI18n } from '../i18n/i18n';
import {
  Badge,
  buttonClass,
  downloadFile,
  inputClass,
  mutedClass,
  primaryButtonClass,
  Section,
  tableClass,
  tdClass,
  thClass,
} from '../ui/ui';
import { CopyButton } from './CopyButton';
import { supportsEd25519, type GeneratedDkimKey } from './generateDkimKeyPair';
import { DkimKeyGenerator } from './DkimKeyGenerator';
import { DmarcFields } from './DmarcFields';
import { fieldLabel, hint, mailtoList, splitList } from './formStyles';
import { PublicationBadge } from './PublicationBadge';
import { IssueList } from './IssueList';
import { useLiveResolver } from './LiveLookups';
import { deleteSavedDomain, listSavedDomains, saveDomain, type SavedDomain } from './savedSetups';
import { SpfLookupTree } from './SpfLookupTree';
import { useRecordText, type PageMessage } from './useRecordText';

export function WizardPanel() {
  const { t, dateTime } = useI18n();
  const say = useRecordText();
  const [setup, setSetup] = useState<DomainSetup>(EMPTY_DOMAIN_SETUP);
  const [networksText, setNetworksText] = useState('');
  const [hostsText, setHostsText] = useState('');
  const [keys, setKeys] = useState<Record<string, GeneratedDkimKey>>({});
  const [keepPrivateKeys, setKeepPrivateKeys] = useState(false);
  const [ed25519, setEd25519] = useState(false);
  const [saved, setSaved] = useState<SavedDomain[]>([]);
  // Bumped when a saved configuration is opened, so the fields that keep their own text start again from it.
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState<PageMessage>();
  const [spfEvaluation, setSpfEvaluation] = useState<SpfLookupEvaluation>();
  const [publication, setPublication] = useState<PublicationCheck[]>();
  const [tlsRptText, setTlsRptText] = useState('');
  const [mtaMxText, setMtaMxText] = useState('');
  const { resolver, server } = useLiveResolver();
  /** The DMARC record the wizard filled in for the domain; while the fields still hold it, a new domain replaces it. */
  const [dmarcSeed, setDmarcSeed] = useState<{ record: DmarcRecord; assumedRua?: string; reported?: DmarcRecord }>();
  const version = useObservable(dataVersion);
  useEffect(() => void supportsEd25519().then(setEd25519), []);
  const refreshSaved = () => void listSavedDomains().then(setSaved);
  useEffect(refreshSaved, []);

  const domain = normalizeDomain(setup.domain);
  const domainValid = isValidDomainName(domain);
  const plan = useMemo(() => (domainValid ? buildDomainRecords(setup) : undefined), [setup, domainValid]);
  const zone = plan
    ? formatZoneSnippet(plan.records, { placeholderComment: say(recordText('zone.placeholder-comment')) })
    : '';
  const update = (changes: Partial<DomainSetup>) => {
    setSetup((current) => ({ ...current, ...changes }));
    setSpfEvaluation(undefined);
    setPublication(undefined);
  };

  // A domain's DMARC fields start from what receivers found published (the stored reports' policy_published) and
  // a report address at the domain itself, as long as the user has not changed them.
  const dmarcUntouched =
    formatDmarcRecord(setup.dmarc) === formatDmarcRecord(dmarcSeed?.record ?? EMPTY_DOMAIN_SETUP.dmarc);
  const currentDmarc = useRef(setup.dmarc);
  currentDmarc.current = setup.dmarc;
  useEffect(() => {
    if (!domainValid || !dmarcUntouched) return;
    const before = formatDmarcRecord(setup.dmarc);
    let stale = false;
    void getDatabase()
      .then((db) => listAggregateReports(db, domain))
      .then((reports) => {
        // The user may have changed a DMARC field while the reports were read: their choice stands.
        if (stale || formatDmarcRecord(currentDmarc.current) !== before) return;
        const run = publishedPolicyHistory(
          reports.map((r) => ({ begin: r.begin, end: r.end, policy: r.report.policy })),
        );
        const seeded = seedDmarcRecord(domain, run ? { reported: run.record } : {});
        setDmarcSeed({ ...seeded, ...(run ? { reported: run.record } : {}) });
        setSetup((current) => ({ ...current, dmarc: seeded.record }));
        setFormKey((k) => k + 1);
      });
    return () => {
      stale = true;
    };
  }, [domain, domainValid, version]);
  const assumedRua = dmarcSeed?.assumedRua;
  const showAssumedRua =
    domainValid && assumedRua !== undefined && (setup.dmarc.rua ?? []).some((uri) => uri.uri === assumedRua);
  // Unticking a service removes it wherever it sends from; a subdomain left without services goes too.
  const toggleSender = (id: string, on: boolean) =>
    update({
      senderIds: on ? [...setup.senderIds, id] : setup.senderIds.filter((s) => s !== id),
      subdomains: setup.subdomains
        .map((sub) => ({ ...sub, senderIds: sub.senderIds.filter((s) => s !== id) }))
        .filter((sub) => sub.senderIds.length > 0),
    });
  const subdomain = setup.subdomains[0];
  const moveToSubdomain = (id: string, on: boolean) => {
    const current = subdomain ?? { label: 'news', senderIds: [] };
    const senderIds = on ? [...current.senderIds, id] : current.senderIds.filter((s) => s !== id);
    update({
      senderIds: on ? setup.senderIds.filter((s) => s !== id) : [...setup.senderIds, id],
      subdomains: senderIds.length > 0 ? [{ ...current, senderIds }] : [],
    });
  };

  function load(entry: SavedDomain) {
    if (!entry.setup) return;
    setSetup(entry.setup);
    setNetworksText(entry.setup.ownNetworks.join('\n'));
    setHostsText(entry.setup.ownHosts.join('\n'));
    setTlsRptText((entry.setup.tlsRptRua ?? []).join(', '));
    setMtaMxText((entry.setup.mtaSts?.mx ?? []).join('\n'));
    setKeys({});
    setFormKey((k) => k + 1);
    setStatus({ key: 'records.wizard.loaded', params: { domain: entry.domain } });
  }

  return (
    <div class="space-y-6">
      <Section title={t('records.wizard.sendersHeading')} id="wizard-senders">
        <div class="space-y-4">
          <label class={fieldLabel}>
            {t('records.wizard.domain')}
            <input
              class={`${inputClass} ml-2 w-72`}
              data-testid="wizard-domain"
              value={setup.domain}
              placeholder="example.com"
              onInput={(e) => update({ domain: e.currentTarget.value })}
            />
            {setup.domain !== '' && !domainValid && (
              <span class="ml-2 text-sm text-red-700" role="alert">
                {t('records.wizard.notADomain')}
              </span>
            )}
          </label>
          <fieldset>
            <legend class="text-sm font-medium">{t('records.wizard.services')}</legend>
            <div class="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {WIZARD_SERVICES.map((sender) => {
                const onMain = setup.senderIds.includes(sender.id);
                const onSub = subdomain?.senderIds.includes(sender.id) ?? false;
                return (
                  <div key={sender.id} class="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
                    <label class="flex items-center gap-2 font-medium">
                      <input
                        type="checkbox"
                        checked={onMain || onSub}
                        data-testid={`sender-${sender.id}`}
                        onChange={(e) => toggleSender(sender.id, e.currentTarget.checked)}
                      />
                      {sender.name}
                      {sender.bulk && <Badge colour="grey">{t('records.wizard.bulk')}</Badge>}
                    </label>
                    <span class={hint}>
                      {sender.spfInclude
                        ? t('records.wizard.spfInclude', { include: sender.spfInclude })
                        : t('records.wizard.noSpfInclude')}{' '}
                      {say(senderDkimPractice(sender))}
                    </span>
                    {(onMain || onSub) && sender.bulk && (
                      <label class="mt-1 flex items-center gap-2 text-xs">
                        <input
                          type="checkbox"
                          checked={onSub}
                          data-testid={`subdomain-${sender.id}`}
                          onChange={(e) => moveToSubdomain(sender.id, e.currentTarget.checked)}
                        />
                        {t('records.wizard.useSubdomain')}
                      </label>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
          {subdomain && (
            <label class={fieldLabel}>
              {t('records.wizard.subdomain')}
              <input
                class={`${inputClass} ml-2 w-32`}
                value={subdomain.label}
                data-testid="subdomain-label"
                onInput={(e) => update({ subdomains: [{ ...subdomain, label: e.currentTarget.value }] })}
              />
              <span class={mutedClass}>.{domain || 'example.com'}</span>
              <span class={hint}>{t('records.wizard.subdomainHint')}</span>
            </label>
          )}
          <div class="grid gap-4 md:grid-cols-2">
            <label class={fieldLabel}>
              {t('records.wizard.ownNetworks')}
              <textarea
                class={`${inputClass} mt-1 block w-full font-mono`}
                rows={3}
                data-testid="own-networks"
                value={networksText}
                placeholder={'192.0.2.10\n2001:db8::/48'}
                onInput={(e) => setNetworksText(e.currentTarget.value)}
                onChange={(e) => update({ ownNetworks: splitList(e.currentTarget.value) })}
              />
            </label>
            <label class={fieldLabel}>
              {t('records.wizard.ownHosts')}
              <textarea
                class={`${inputClass} mt-1 block w-full font-mono`}
                rows={3}
                data-testid="own-hosts"
                value={hostsText}
                placeholder="mail.example.com"
                onInput={(e) => setHostsText(e.currentTarget.value)}
                onChange={(e) => update({ ownHosts: splitList(e.currentTarget.value) })}
              />
            </label>
          </div>
          <div class="flex flex-wrap gap-6 text-sm">
            <label class="flex items-center gap-2">
              <input
                type="checkbox"
                checked={setup.mxSends}
                onChange={(e) => update({ mxSends: e.currentTarget.checked })}
              />
              {t('records.wizard.mxSends')}
            </label>
            <fieldset class="flex items-center gap-3">
              <legend class="sr-only">{t('records.wizard.spfEnding')}</legend>
              <label class="flex items-center gap-1">
                <input
                  type="radio"
                  name="spf-all"
                  checked={setup.spfAll === '~'}
                  onChange={() => update({ spfAll: '~' })}
                />
                {t('records.wizard.softfailAll')}
              </label>
              <label class="flex items-center gap-1">
                <input
                  type="radio"
                  name="spf-all"
                  checked={setup.spfAll === '-'}
                  data-testid="spf-fail-all"
                  onChange={() => update({ spfAll: '-' })}
                />
                {t('records.wizard.failAll')}
              </label>
            </fieldset>
          </div>
        </div>
      </Section>

      <Section title="DMARC" id="wizard-dmarc">
        {domainValid && dmarcUntouched && dmarcSeed?.reported && (
          <p class={`mb-3 text-sm ${mutedClass}`} data-testid="wizard-dmarc-reported">
            {t('records.wizard.dmarcFromReports', { record: formatDmarcRecord(dmarcSeed.reported) })}
          </p>
        )}
        {showAssumedRua && (
          <p class={`mb-3 text-sm ${mutedClass}`} data-testid="wizard-assumed-rua">
            {t('records.rollout.assumedRua', { address: assumedRua.replace(/^mailto:/, '') })}
          </p>
        )}
        <DmarcFields
          key={formKey}
          record={setup.dmarc}
          receivers={setup.dmarcReceivers}
          onChange={(dmarc) => update({ dmarc })}
          onReceivers={(dmarcReceivers) => update({ dmarcReceivers })}
        />
      </Section>

      <Section title={t('records.wizard.dkimHeading')} id="wizard-dkim">
        <DkimKeyGenerator
          domain={domain}
          ed25519={ed25519}
          onKey={(selector, key) => {
            setKeys((current) => ({ ...current, [selector]: key }));
            update({
              dkimKeys: [
                ...setup.dkimKeys.filter((k) => k.selector !== selector),
                { selector, keyType: key.keyType, publicKey: key.publicKey },
              ],
            });
          }}
        />
        {setup.dkimKeys.length > 0 && (
          <ul class="mt-4 space-y-4">
            {setup.dkimKeys.map((key) => {
              const generated = keys[key.selector];
              return (
                <li
                  key={key.selector}
                  class="rounded-md border border-slate-200 p-3 dark:border-slate-700"
                  data-testid={`dkim-key-${key.selector}`}
                >
                  <div class="flex flex-wrap items-center gap-3">
                    <span class="font-mono text-sm">{`${key.selector}._domainkey.${domain}`}</span>
                    <Badge colour="grey">
                      {key.keyType === 'rsa' ? `RSA ${generated?.size.slice(4) ?? ''}`.trim() : 'Ed25519'}
                    </Badge>
                    {generated && (
                      <button
                        type="button"
                        class={buttonClass}
                        data-testid="dkim-download"
                        onClick={() =>
                          downloadFile(
                            privateKeyFileName({ domain, selector: key.selector, keyType: key.keyType }),
                            [generated.privateKeyPem],
                            'application/x-pem-file',
                          )
                        }
                      >
                        {t('records.wizard.downloadKey')}
                      </button>
                    )}
                    <button
                      type="button"
                      class={buttonClass}
                      onClick={() => update({ dkimKeys: setup.dkimKeys.filter((k) => k.selector !== key.selector) })}
                    >
                      {t('records.wizard.remove')}
                    </button>
                  </div>
                  {!generated && <p class={hint}>{t('records.wizard.keyNotHere')}</p>}
                  <details class="mt-2">
                    <summary class="cursor-pointer text-sm font-medium">{t('records.wizard.signerConfig')}</summary>
                    {dkimConfigSnippets({ domain, selector: key.selector, keyType: key.keyType }).map((snippet) => (
                      <div key={snippet.id} class="mt-2">
                        <p class="text-sm font-medium">
                          {snippet.title} <span class={mutedClass}>— {snippet.file}</span>
                        </p>
                        <pre tabIndex={0} class="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
                          {snippet.content}
                        </pre>
                        {snippet.noteText && <p class={hint}>{say(snippet.noteText)}</p>}
                      </div>
                    ))}
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section title={t('records.wizard.extraHeading')} id="wizard-extra">
        <div class="grid gap-4 md:grid-cols-2">
          <div class="space-y-2 text-sm">
            <label class="flex items-center gap-2 font-medium">
              <input
                type="checkbox"
                checked={setup.mtaSts !== undefined}
                data-testid="mta-sts-enable"
                onChange={(e) =>
                  update({
                    mtaSts: e.currentTarget.checked
                      ? { mode: 'testing', mx: splitList(mtaMxText), maxAgeDays: 7, id: mtaStsIdFor(new Date()) }
                      : undefined,
                  })
                }
              />
              {t('records.wizard.mtaSts')}
            </label>
            {setup.mtaSts && (
              <>
                <label class={fieldLabel}>
                  {t('records.wizard.mode')}
                  <select
                    class={`${inputClass} ml-2`}
                    value={setup.mtaSts.mode}
                    onChange={(e) =>
                      update({ mtaSts: { ...setup.mtaSts!, mode: e.currentTarget.value as MtaStsMode } })
                    }
                  >
                    <option value="testing">testing</option>
                    <option value="enforce">enforce</option>
                    <option value="none">none</option>
                  </select>
                </label>
                <label class={fieldLabel}>
                  {t('records.wizard.mx')}
                  <textarea
                    class={`${inputClass} mt-1 block w-full font-mono`}
                    rows={2}
                    data-testid="mta-sts-mx"
                    value={mtaMxText}
                    onInput={(e) => setMtaMxText(e.currentTarget.value)}
                    onChange={(e) => update({ mtaSts: { ...setup.mtaSts!, mx: splitList(e.currentTarget.value) } })}
                  />
                </label>
                <label class={fieldLabel}>
                  {t('records.wizard.maxAge')}
                  <input
                    type="number"
                    min={1}
                    max={365}
                    class={`${inputClass} ml-2 w-20`}
                    value={setup.mtaSts.maxAgeDays}
                    onChange={(e) =>
                      update({
                        mtaSts: {
                          ...setup.mtaSts!,
                          maxAgeDays: Math.max(1, Math.min(365, Number(e.currentTarget.value) || 7)),
                        },
                      })
                    }
                  />
                </label>
              </>
            )}
          </div>
          <div class="space-y-3">
            <label class={fieldLabel}>
              {t('records.wizard.tlsRpt')}
              <input
                class={`${inputClass} mt-1 w-full`}
                data-testid="tls-rpt-rua"
                value={tlsRptText}
                placeholder="tls-reports@example.com"
                onInput={(e) => setTlsRptText(e.currentTarget.value)}
                onChange={(e) => update({ tlsRptRua: mailtoList(e.currentTarget.value) })}
              />
            </label>
            <label class={fieldLabel}>
              {t('records.wizard.bimiLogo')}
              <input
                class={`${inputClass} mt-1 w-full`}
                data-testid="bimi-logo"
                value={setup.bimi?.logoUrl ?? ''}
                onChange={(e) =>
                  update({
                    bimi: e.currentTarget.value.trim() ? { ...setup.bimi, logoUrl: e.currentTarget.value } : undefined,
                  })
                }
              />
            </label>
            {setup.bimi && (
              <label class={fieldLabel}>
                {t('records.wizard.bimiCertificate')}
                <input
                  class={`${inputClass} mt-1 w-full`}
                  value={setup.bimi.certificateUrl ?? ''}
                  onChange={(e) => update({ bimi: { ...setup.bimi!, certificateUrl: e.currentTarget.value } })}
                />
              </label>
            )}
            <p class={hint}>{t('records.wizard.bimiHint')}</p>
          </div>
        </div>
      </Section>

      <Section
        title={t('records.wizard.outputHeading')}
        id="wizard-output"
        actions={
          <div class="flex flex-wrap items-center gap-3 text-sm">
            <label class="flex items-center gap-1">
              <input
                type="checkbox"
                checked={keepPrivateKeys}
                onChange={(e) => setKeepPrivateKeys(e.currentTarget.checked)}
              />
              {t('records.wizard.keepKeys')}
            </label>
            <button
              type="button"
              class={primaryButtonClass}
              disabled={!domainValid}
              data-testid="wizard-save"
              onClick={() => {
                const privateKeys = keepPrivateKeys
                  ? Object.fromEntries(Object.entries(keys).map(([selector, key]) => [selector, key.privateKeyPem]))
                  : undefined;
                void saveDomain(domain, { setup: { ...setup, domain }, ...(privateKeys ? { privateKeys } : {}) }).then(
                  () => {
                    setStatus({ key: 'records.wizard.saved', params: { domain } });
                    refreshSaved();
                  },
                );
              }}
            >
              {t('records.wizard.save')}
            </button>
          </div>
        }
      >
        {status && (
          <p role="status" class="mb-3 text-sm text-emerald-800 dark:text-emerald-300">
            {say(status)}
          </p>
        )}
        {!plan && <p class={mutedClass}>{t('records.wizard.enterDomain')}</p>}
        {plan && (
          <div class="space-y-4">
            <div class="overflow-x-auto">
              <table class={tableClass} data-testid="records-table">
                <thead>
                  <tr>
                    <th class={thClass} scope="col">
                      {t('records.wizard.col.name')}
                    </th>
                    <th class={thClass} scope="col">
                      {t('records.wizard.col.type')}
                    </th>
                    <th class={thClass} scope="col">
                      {t('records.wizard.col.value')}
                    </th>
                    {publication && (
                      <th class={thClass} scope="col">
                        {t('records.wizard.col.inDns')}
                      </th>
                    )}
                    <th class={thClass} scope="col">
                      <span class="sr-only">{t('records.copy.copy')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {plan.records.map((record) => (
                    <tr key={`${record.name}-${record.type}-${record.value}`} data-record-name={record.name}>
                      <td class={tdClass}>
                        <span class="break-all font-mono">{record.name}</span>
                        <span class={hint}>{say(record.purposeText)}</span>
                        {record.publishedBy && (
                          <Badge colour="amber">
                            {t('records.wizard.publishedBy', { domain: record.publishedBy })}
                          </Badge>
                        )}
                      </td>
                      <td class={tdClass}>{record.type}</td>
                      <td class={`${tdClass} break-all font-mono text-xs`}>
                        <span data-testid="record-value">{record.value}</span>
                        {record.placeholder && <span class={hint}>{t('records.wizard.placeholder')}</span>}
                        {record.type === 'TXT' && txtByteLength(record.value) > MAX_TXT_STRING_BYTES && (
                          <span class={hint}>
                            {t('records.wizard.longTxt', {
                              bytes: txtByteLength(record.value),
                              strings: splitTxtValue(record.value).length,
                              max: MAX_TXT_STRING_BYTES,
                            })}
                          </span>
                        )}
                      </td>
                      {publication && (
                        <td class={tdClass}>
                          <PublicationBadge check={publication.find((c) => c.record === record)} />
                        </td>
                      )}
                      <td class={`${tdClass} space-y-1`}>
                        <CopyButton
                          text={record.value}
                          label={t('records.wizard.copyValue', { type: record.type, name: record.name })}
                        />
                        {record.type === 'TXT' && txtByteLength(record.value) > MAX_TXT_STRING_BYTES && (
                          <CopyButton
                            text={formatTxtForZone(record.value)}
                            label={t('records.wizard.copyStrings', { name: record.name, max: MAX_TXT_STRING_BYTES })}
                            caption={t('records.wizard.copyAsStrings')}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <IssueList issues={plan.issues} />
            {plan.files.map((file) => (
              <div key={file.url}>
                <p class="text-sm font-medium">
                  {t('records.wizard.fileAt')} <span class="font-mono">{file.url}</span>
                </p>
                <p class={hint}>{say(file.purposeText)}</p>
                <pre
                  tabIndex={0}
                  class="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800"
                  data-testid="mta-sts-policy"
                >
                  {file.content}
                </pre>
                <CopyButton text={file.content} label={t('records.wizard.copyPolicy')} />
              </div>
            ))}
            <div>
              <div class="flex items-center justify-between">
                <p class="text-sm font-medium">{t('records.wizard.zone')}</p>
                <CopyButton text={zone} label={t('records.wizard.copyZone')} />
              </div>
              <pre
                tabIndex={0}
                class="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800"
                data-testid="zone-snippet"
              >
                {zone}
              </pre>
            </div>
            <div class="space-y-2">
              <button
                type="button"
                class={buttonClass}
                disabled={!resolver}
                data-testid="check-published"
                onClick={() => {
                  if (resolver) void compareWithPublished(plan.records, resolver).then(setPublication);
                }}
              >
                {t('records.wizard.checkPublished')}
              </button>{' '}
              <button
                type="button"
                class={buttonClass}
                disabled={!resolver}
                data-testid="spf-count-live"
                onClick={() => {
                  const spf = plan.records[0];
                  if (!resolver || !spf) return;
                  void evaluateSpfLookups(domain, resolver, { rootRecord: spf.value }).then(setSpfEvaluation);
                }}
              >
                {t('records.wizard.countSpf')}
              </button>
              <span class={hint}>
                {resolver
                  ? t('records.wizard.liveOn', {
                      host: new URL(server.endpoint).host,
                      max: MAX_SPF_DNS_LOOKUPS,
                      maxVoid: MAX_SPF_VOID_LOOKUPS,
                    })
                  : t('records.wizard.liveOff', { max: MAX_SPF_DNS_LOOKUPS, maxVoid: MAX_SPF_VOID_LOOKUPS })}
              </span>
              {spfEvaluation && <SpfLookupTree evaluation={spfEvaluation} />}
            </div>
          </div>
        )}
      </Section>

      {saved.length > 0 && (
        <Section title={t('records.wizard.savedHeading')} id="wizard-saved">
          <ul class="space-y-2" data-testid="saved-setups">
            {saved.map((entry) => (
              <li key={entry.domain} class="flex flex-wrap items-center gap-3 text-sm">
                <span class="font-mono">{entry.domain}</span>
                <span class={mutedClass}>{dateTime(Math.floor(entry.savedAt / 1000))}</span>
                {entry.setup && (
                  <button type="button" class={buttonClass} onClick={() => load(entry)}>
                    {t('records.wizard.open')}
                  </button>
                )}
                {entry.privateKeys && (
                  <button
                    type="button"
                    class={buttonClass}
                    onClick={() =>
                      Object.entries(entry.privateKeys ?? {}).forEach(([selector, pem]) =>
                        downloadFile(`${selector}.${entry.domain}.private.pem`, [pem], 'application/x-pem-file'),
                      )
                    }
                  >
                    {t('records.wizard.downloadKept')}
                  </button>
                )}
                <button
                  type="button"
                  class={buttonClass}
                  onClick={() => void deleteSavedDomain(entry.domain).then(refreshSaved)}
                >
                  {t('records.wizard.delete')}
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
