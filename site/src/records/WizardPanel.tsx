// The sender-domain wizard: the domain, who sends for it, its DMARC choices and keys in; every record to publish out.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { normalizeDomain } from '../../../core/analysis/alignment';
import {
  buildDomainRecords,
  formatZoneSnippet,
  isValidDomainName,
  type DomainSetup,
} from '../../../core/records/buildDomainRecords';
import { compareWithPublished, type PublicationCheck } from '../../../core/records/compareWithPublished';
import { dkimConfigSnippets, privateKeyFileName } from '../../../core/records/dkimConfigSnippets';
import { evaluateSpfLookups, type SpfLookupEvaluation } from '../../../core/records/evaluateSpfLookups';
import { mtaStsIdFor, type MtaStsMode } from '../../../core/records/mtaStsRecord';
import { SENDER_CATALOGUE } from '../../../core/records/senderCatalogue';
import { formatTxtForZone, MAX_TXT_STRING_BYTES, splitTxtValue, txtByteLength } from '../../../core/records/txtStrings';
import { Badge, buttonClass, downloadFile, inputClass, mutedClass, primaryButtonClass, Section, tableClass, tdClass, thClass } from '../ui/ui';
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

export const EMPTY_SETUP: DomainSetup = {
  domain: '',
  senderIds: [],
  ownNetworks: [],
  ownHosts: [],
  mxSends: false,
  spfAll: '~',
  dmarc: { p: 'none', extensions: [] },
  dmarcReceivers: 'both',
  dkimKeys: [],
  subdomains: [],
};

export function WizardPanel() {
  const [setup, setSetup] = useState<DomainSetup>(EMPTY_SETUP);
  const [networksText, setNetworksText] = useState('');
  const [hostsText, setHostsText] = useState('');
  const [keys, setKeys] = useState<Record<string, GeneratedDkimKey>>({});
  const [keepPrivateKeys, setKeepPrivateKeys] = useState(false);
  const [ed25519, setEd25519] = useState(false);
  const [saved, setSaved] = useState<SavedDomain[]>([]);
  // Bumped when a saved configuration is opened, so the fields that keep their own text start again from it.
  const [formKey, setFormKey] = useState(0);
  const [status, setStatus] = useState<string>();
  const [spfEvaluation, setSpfEvaluation] = useState<SpfLookupEvaluation>();
  const [publication, setPublication] = useState<PublicationCheck[]>();
  const [tlsRptText, setTlsRptText] = useState('');
  const [mtaMxText, setMtaMxText] = useState('');
  const { resolver, server } = useLiveResolver();
  useEffect(() => void supportsEd25519().then(setEd25519), []);
  const refreshSaved = () => void listSavedDomains().then(setSaved);
  useEffect(refreshSaved, []);

  const domain = normalizeDomain(setup.domain);
  const domainValid = isValidDomainName(domain);
  const plan = useMemo(() => (domainValid ? buildDomainRecords(setup) : undefined), [setup, domainValid]);
  const zone = plan ? formatZoneSnippet(plan.records) : '';
  const update = (changes: Partial<DomainSetup>) => {
    setSetup((current) => ({ ...current, ...changes }));
    setSpfEvaluation(undefined);
    setPublication(undefined);
  };
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
    setStatus(`Loaded the configuration saved for ${entry.domain}.`);
  }

  return (
    <div class="space-y-6">
      <Section title="Domain and senders" id="wizard-senders">
        <div class="space-y-4">
          <label class={fieldLabel}>
            Domain
            <input class={`${inputClass} ml-2 w-72`} data-testid="wizard-domain" value={setup.domain} placeholder="example.com" onInput={(e) => update({ domain: e.currentTarget.value })} />
            {setup.domain !== '' && !domainValid && <span class="ml-2 text-sm text-red-700" role="alert">Not a domain name.</span>}
          </label>
          <fieldset>
            <legend class="text-sm font-medium">Services that send mail as this domain</legend>
            <div class="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {SENDER_CATALOGUE.map((sender) => {
                const onMain = setup.senderIds.includes(sender.id);
                const onSub = subdomain?.senderIds.includes(sender.id) ?? false;
                return (
                  <div key={sender.id} class="rounded-md border border-slate-200 p-2 text-sm dark:border-slate-700">
                    <label class="flex items-center gap-2 font-medium">
                      <input type="checkbox" checked={onMain || onSub} data-testid={`sender-${sender.id}`} onChange={(e) => toggleSender(sender.id, e.currentTarget.checked)} />
                      {sender.name}
                      {sender.bulk && <Badge colour="grey">bulk</Badge>}
                    </label>
                    <span class={hint}>
                      {sender.spfInclude ? `SPF include:${sender.spfInclude}. ` : 'No SPF include needed. '}
                      {sender.dkimPractice}
                    </span>
                    {(onMain || onSub) && sender.bulk && (
                      <label class="mt-1 flex items-center gap-2 text-xs">
                        <input type="checkbox" checked={onSub} data-testid={`subdomain-${sender.id}`} onChange={(e) => moveToSubdomain(sender.id, e.currentTarget.checked)} />
                        send from a subdomain instead
                      </label>
                    )}
                  </div>
                );
              })}
            </div>
          </fieldset>
          {subdomain && (
            <label class={fieldLabel}>
              Subdomain for bulk mail
              <input class={`${inputClass} ml-2 w-32`} value={subdomain.label} data-testid="subdomain-label" onInput={(e) => update({ subdomains: [{ ...subdomain, label: e.currentTarget.value }] })} />
              <span class={mutedClass}>.{domain || 'example.com'}</span>
              <span class={hint}>
                Marketing and bulk services on their own subdomain get their own SPF, DKIM and a p=none DMARC record, so the main domain can move to quarantine and reject without waiting for them.
              </span>
            </label>
          )}
          <div class="grid gap-4 md:grid-cols-2">
            <label class={fieldLabel}>
              Your own servers: IP addresses or networks
              <textarea class={`${inputClass} mt-1 block w-full font-mono`} rows={3} data-testid="own-networks" value={networksText} placeholder={'192.0.2.10\n2001:db8::/48'} onInput={(e) => setNetworksText(e.currentTarget.value)} onChange={(e) => update({ ownNetworks: splitList(e.currentTarget.value) })} />
            </label>
            <label class={fieldLabel}>
              Your own servers: host names
              <textarea class={`${inputClass} mt-1 block w-full font-mono`} rows={3} data-testid="own-hosts" value={hostsText} placeholder="mail.example.com" onInput={(e) => setHostsText(e.currentTarget.value)} onChange={(e) => update({ ownHosts: splitList(e.currentTarget.value) })} />
            </label>
          </div>
          <div class="flex flex-wrap gap-6 text-sm">
            <label class="flex items-center gap-2">
              <input type="checkbox" checked={setup.mxSends} onChange={(e) => update({ mxSends: e.currentTarget.checked })} />
              The domain's MX servers send mail too (mx)
            </label>
            <fieldset class="flex items-center gap-3">
              <legend class="sr-only">SPF ending</legend>
              <label class="flex items-center gap-1">
                <input type="radio" name="spf-all" checked={setup.spfAll === '~'} onChange={() => update({ spfAll: '~' })} />
                ~all (softfail: the usual companion of DMARC)
              </label>
              <label class="flex items-center gap-1">
                <input type="radio" name="spf-all" checked={setup.spfAll === '-'} data-testid="spf-fail-all" onChange={() => update({ spfAll: '-' })} />
                -all (fail)
              </label>
            </fieldset>
          </div>
        </div>
      </Section>

      <Section title="DMARC" id="wizard-dmarc">
        <DmarcFields key={formKey} record={setup.dmarc} receivers={setup.dmarcReceivers} onChange={(dmarc) => update({ dmarc })} onReceivers={(dmarcReceivers) => update({ dmarcReceivers })} />
      </Section>

      <Section title="DKIM for your own servers" id="wizard-dkim">
        <DkimKeyGenerator
          domain={domain}
          ed25519={ed25519}
          onKey={(selector, key) => {
            setKeys((current) => ({ ...current, [selector]: key }));
            update({ dkimKeys: [...setup.dkimKeys.filter((k) => k.selector !== selector), { selector, keyType: key.keyType, publicKey: key.publicKey }] });
          }}
        />
        {setup.dkimKeys.length > 0 && (
          <ul class="mt-4 space-y-4">
            {setup.dkimKeys.map((key) => {
              const generated = keys[key.selector];
              return (
                <li key={key.selector} class="rounded-md border border-slate-200 p-3 dark:border-slate-700" data-testid={`dkim-key-${key.selector}`}>
                  <div class="flex flex-wrap items-center gap-3">
                    <span class="font-mono text-sm">{`${key.selector}._domainkey.${domain}`}</span>
                    <Badge colour="grey">{key.keyType === 'rsa' ? `RSA ${generated?.size.slice(4) ?? ''}`.trim() : 'Ed25519'}</Badge>
                    {generated && (
                      <button type="button" class={buttonClass} data-testid="dkim-download" onClick={() => downloadFile(privateKeyFileName({ domain, selector: key.selector, keyType: key.keyType }), [generated.privateKeyPem], 'application/x-pem-file')}>
                        Download private key (PEM)
                      </button>
                    )}
                    <button type="button" class={buttonClass} onClick={() => update({ dkimKeys: setup.dkimKeys.filter((k) => k.selector !== key.selector) })}>
                      Remove
                    </button>
                  </div>
                  {!generated && <p class={hint}>The private key of this saved selector is not in this page; use the copy you downloaded.</p>}
                  <details class="mt-2">
                    <summary class="cursor-pointer text-sm font-medium">Signer configuration (OpenDKIM, Postfix, rspamd, Exim)</summary>
                    {dkimConfigSnippets({ domain, selector: key.selector, keyType: key.keyType }).map((snippet) => (
                      <div key={snippet.id} class="mt-2">
                        <p class="text-sm font-medium">
                          {snippet.title} <span class={mutedClass}>— {snippet.file}</span>
                        </p>
                        <pre tabIndex={0} class="overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{snippet.content}</pre>
                        {snippet.note && <p class={hint}>{snippet.note}</p>}
                      </div>
                    ))}
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </Section>

      <Section title="MTA-STS, TLS-RPT and BIMI (optional)" id="wizard-extra">
        <div class="grid gap-4 md:grid-cols-2">
          <div class="space-y-2 text-sm">
            <label class="flex items-center gap-2 font-medium">
              <input type="checkbox" checked={setup.mtaSts !== undefined} data-testid="mta-sts-enable" onChange={(e) => update({ mtaSts: e.currentTarget.checked ? { mode: 'testing', mx: splitList(mtaMxText), maxAgeDays: 7, id: mtaStsIdFor(new Date()) } : undefined })} />
              MTA-STS: require TLS for mail to this domain
            </label>
            {setup.mtaSts && (
              <>
                <label class={fieldLabel}>
                  mode
                  <select class={`${inputClass} ml-2`} value={setup.mtaSts.mode} onChange={(e) => update({ mtaSts: { ...setup.mtaSts!, mode: e.currentTarget.value as MtaStsMode } })}>
                    <option value="testing">testing</option>
                    <option value="enforce">enforce</option>
                    <option value="none">none</option>
                  </select>
                </label>
                <label class={fieldLabel}>
                  MX host names
                  <textarea class={`${inputClass} mt-1 block w-full font-mono`} rows={2} data-testid="mta-sts-mx" value={mtaMxText} onInput={(e) => setMtaMxText(e.currentTarget.value)} onChange={(e) => update({ mtaSts: { ...setup.mtaSts!, mx: splitList(e.currentTarget.value) } })} />
                </label>
                <label class={fieldLabel}>
                  max_age (days)
                  <input type="number" min={1} max={365} class={`${inputClass} ml-2 w-20`} value={setup.mtaSts.maxAgeDays} onChange={(e) => update({ mtaSts: { ...setup.mtaSts!, maxAgeDays: Math.max(1, Math.min(365, Number(e.currentTarget.value) || 7)) } })} />
                </label>
              </>
            )}
          </div>
          <div class="space-y-3">
            <label class={fieldLabel}>
              TLS-RPT report addresses
              <input class={`${inputClass} mt-1 w-full`} data-testid="tls-rpt-rua" value={tlsRptText} placeholder="tls-reports@example.com" onInput={(e) => setTlsRptText(e.currentTarget.value)} onChange={(e) => update({ tlsRptRua: mailtoList(e.currentTarget.value) })} />
            </label>
            <label class={fieldLabel}>
              BIMI logo (https URL of an SVG Tiny PS file)
              <input class={`${inputClass} mt-1 w-full`} data-testid="bimi-logo" value={setup.bimi?.logoUrl ?? ''} onChange={(e) => update({ bimi: e.currentTarget.value.trim() ? { ...setup.bimi, logoUrl: e.currentTarget.value } : undefined })} />
            </label>
            {setup.bimi && (
              <label class={fieldLabel}>
                Mark certificate (VMC/CMC) URL
                <input class={`${inputClass} mt-1 w-full`} value={setup.bimi.certificateUrl ?? ''} onChange={(e) => update({ bimi: { ...setup.bimi!, certificateUrl: e.currentTarget.value } })} />
              </label>
            )}
            <p class={hint}>BIMI logos appear only once DMARC is at p=quarantine or p=reject for 100% of mail.</p>
          </div>
        </div>
      </Section>

      <Section
        title="Records to publish"
        id="wizard-output"
        actions={
          <div class="flex flex-wrap items-center gap-3 text-sm">
            <label class="flex items-center gap-1">
              <input type="checkbox" checked={keepPrivateKeys} onChange={(e) => setKeepPrivateKeys(e.currentTarget.checked)} />
              also keep private keys in this browser
            </label>
            <button
              type="button"
              class={primaryButtonClass}
              disabled={!domainValid}
              data-testid="wizard-save"
              onClick={() => {
                const privateKeys = keepPrivateKeys ? Object.fromEntries(Object.entries(keys).map(([selector, key]) => [selector, key.privateKeyPem])) : undefined;
                void saveDomain(domain, { setup: { ...setup, domain }, ...(privateKeys ? { privateKeys } : {}) }).then(() => {
                  setStatus(`Saved the configuration of ${domain} in this browser.`);
                  refreshSaved();
                });
              }}
            >
              Save configuration
            </button>
          </div>
        }
      >
        {status && <p role="status" class="mb-3 text-sm text-emerald-800 dark:text-emerald-300">{status}</p>}
        {!plan && <p class={mutedClass}>Enter a domain to see its records.</p>}
        {plan && (
          <div class="space-y-4">
            <div class="overflow-x-auto">
              <table class={tableClass} data-testid="records-table">
                <thead>
                  <tr>
                    <th class={thClass} scope="col">Name</th>
                    <th class={thClass} scope="col">Type</th>
                    <th class={thClass} scope="col">Value</th>
                    {publication && <th class={thClass} scope="col">In DNS now</th>}
                    <th class={thClass} scope="col"><span class="sr-only">Copy</span></th>
                  </tr>
                </thead>
                <tbody>
                  {plan.records.map((record) => (
                    <tr key={`${record.name}-${record.type}-${record.value}`} data-record-name={record.name}>
                      <td class={tdClass}>
                        <span class="break-all font-mono">{record.name}</span>
                        <span class={hint}>{record.purpose}</span>
                        {record.publishedBy && <Badge colour="amber">{`published by ${record.publishedBy}`}</Badge>}
                      </td>
                      <td class={tdClass}>{record.type}</td>
                      <td class={`${tdClass} break-all font-mono text-xs`}>
                        <span data-testid="record-value">{record.value}</span>
                        {record.placeholder && <span class={hint}>Fill in the parts in angle brackets from the provider's DNS page.</span>}
                        {record.type === 'TXT' && txtByteLength(record.value) > MAX_TXT_STRING_BYTES && (
                          <span class={hint}>
                            {`${txtByteLength(record.value)} bytes: DNS carries it as ${splitTxtValue(record.value).length} strings of at most ${MAX_TXT_STRING_BYTES} bytes. If your DNS host does not split long values itself, paste the quoted strings.`}
                          </span>
                        )}
                      </td>
                      {publication && (
                        <td class={tdClass}>
                          <PublicationBadge check={publication.find((c) => c.record === record)} />
                        </td>
                      )}
                      <td class={`${tdClass} space-y-1`}>
                        <CopyButton text={record.value} label={`Copy the ${record.type} value for ${record.name}`} />
                        {record.type === 'TXT' && txtByteLength(record.value) > MAX_TXT_STRING_BYTES && (
                          <CopyButton text={formatTxtForZone(record.value)} label={`Copy the ${record.name} value as quoted 255-byte strings`} caption="Copy as strings" />
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
                  File to serve at <span class="font-mono">{file.url}</span>
                </p>
                <p class={hint}>{file.purpose}</p>
                <pre tabIndex={0} class="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800" data-testid="mta-sts-policy">{file.content}</pre>
                <CopyButton text={file.content} label="Copy the MTA-STS policy file" />
              </div>
            ))}
            <div>
              <div class="flex items-center justify-between">
                <p class="text-sm font-medium">BIND zone snippet</p>
                <CopyButton text={zone} label="Copy the zone snippet" />
              </div>
              <pre tabIndex={0} class="mt-1 overflow-x-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800" data-testid="zone-snippet">{zone}</pre>
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
                Check what is published now
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
                Count SPF lookups through the includes
              </button>
              <span class={hint}>
                {resolver
                  ? `Both ask ${new URL(server.endpoint).host}: the first compares each record with what its name publishes, the second follows the SPF includes (limit: 10 lookups, 2 void lookups).`
                  : 'Turn on live DNS lookups (top of the page) to compare these records with what is published and to follow the SPF includes (limit: 10 lookups, 2 void lookups).'}
              </span>
              {spfEvaluation && <SpfLookupTree evaluation={spfEvaluation} />}
            </div>
          </div>
        )}
      </Section>

      {saved.length > 0 && (
        <Section title="Saved configurations" id="wizard-saved">
          <ul class="space-y-2" data-testid="saved-setups">
            {saved.map((entry) => (
              <li key={entry.domain} class="flex flex-wrap items-center gap-3 text-sm">
                <span class="font-mono">{entry.domain}</span>
                <span class={mutedClass}>{new Date(entry.savedAt).toLocaleString()}</span>
                {entry.setup && (
                  <button type="button" class={buttonClass} onClick={() => load(entry)}>
                    Open
                  </button>
                )}
                {entry.privateKeys && (
                  <button type="button" class={buttonClass} onClick={() => Object.entries(entry.privateKeys ?? {}).forEach(([selector, pem]) => downloadFile(`${selector}.${entry.domain}.private.pem`, [pem], 'application/x-pem-file'))}>
                    Download kept private keys
                  </button>
                )}
                <button type="button" class={buttonClass} onClick={() => void deleteSavedDomain(entry.domain).then(refreshSaved)}>
                  Delete
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
    </div>
  );
}
