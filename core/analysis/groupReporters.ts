// Reporters as organizations. One organization writes its name in several ways ("Yahoo", "Yahoo! Inc.", "yahoo.com";
// "google.com", "Google Inc."; Microsoft as "Outlook.com", "Enterprise Outlook" and "Microsoft Corp.") and sends from
// more than one address, so a table keyed by org_name shows one reporter as several. Reports are put together by the
// organizational domain of their reporting address (RFC 7489 appendix C `email`), and those groups by the name most of
// their reports use, so that a company reporting from two domains (yahoo.com, yahooinc.com) is still one row.
import { getDomainWithoutSuffix } from 'tldts';
import { normalizeDomain, organizationalDomain } from '../report';

/** What a report says about who wrote it (RFC 7489 appendix C `ReportMetadataType`). */
export interface ReporterMetadata {
  orgName: string;
  email: string;
  extraContactInfo?: string;
}

export interface ReporterOrganization<T> {
  /** Stable within one call: the organizational domain, or `name:` and the name's key when no address says it. */
  key: string;
  /** The organizational domain of the address most of its reports came from, when they name one. */
  domain?: string;
  /** The name most of its reports use (stray quotes and blanks removed); of names used as often, the first in text order. */
  name: string;
  /** Every name its reports use, the most used first; spellings that differ only in case once. */
  names: string[];
  /** Its reports (or whatever items were passed), in the order given. */
  members: T[];
}

/** Quotation marks that reporters leave around, or on one side of, a name. */
const STRAY_QUOTES = /^["'`“”„‘’‚«»]+|["'`“”„‘’‚«»]+$/gu;

/** A reporter's name as shown: blanks collapsed, stray quotes at either end removed. */
export function cleanReporterName(name: string): string {
  return name.replace(/\s+/g, ' ').trim().replace(STRAY_QUOTES, '').trim();
}

/** Words of a company's legal form, which do not tell one reporter from another ("Google Inc." is "Google"). */
const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'plc',
  'gmbh',
  'ag',
  'sa',
  'pty',
  'bv',
  'nv',
  'srl',
  'spa',
  'oy',
  'ab',
  'kk',
]);

/** A name that is a registrable domain ("google.com", "Mail.Ru"), as that organizational domain; else undefined. */
function domainOfName(name: string): string | undefined {
  const lowered = normalizeDomain(name);
  if (lowered === '' || /[\s@/:]/.test(lowered) || lowered.indexOf('.') < 0) return undefined;
  const org = organizationalDomain(lowered);
  return org.indexOf('.') >= 0 && getDomainWithoutSuffix(org, { allowPrivateDomains: true }) ? org : undefined;
}

/**
 * What two spellings of one name share: a domain-like name as its organizational domain (`d:google.com`), any other
 * as its lower-case words without punctuation or legal form (`n:yahoo` for "Yahoo! Inc."); undefined for no name.
 */
function nameKey(name: string): string | undefined {
  const domain = domainOfName(name);
  if (domain !== undefined) return `d:${domain}`;
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1]!)) words.pop();
  return words.length > 0 ? `n:${words.join(' ')}` : undefined;
}

/** The organizational domain of a reporting address (`noreply@dmarc.yahoo.com`, `<a@b.example>`), or undefined. */
function domainOfAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at < 0) return undefined;
  const host = address
    .slice(at + 1)
    .replace(/[>\s].*$/s, '')
    .trim();
  return host === '' ? undefined : domainOfName(host);
}

/** The organizational domain of extra_contact_info, a URL or an address, or undefined. */
function domainOfContact(contact: string | undefined): string | undefined {
  if (contact === undefined) return undefined;
  const text = contact.trim();
  const url = /^[a-z][a-z0-9+.-]*:\/\/([^/?#\s:]+)/i.exec(text);
  if (url) return domainOfName(url[1]!);
  return domainOfAddress(text.replace(/^mailto:/i, ''));
}

/** Ascending by code unit, so that the result does not depend on the order reports were read in. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Counted keys, the most common first (in text order when as many). */
function byUse(counts: ReadonlyMap<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || byText(a[0], b[0])).map(([key]) => key);
}

/** Names by use, one spelling per name that differs only in case ("Comcast.net", "comcast.net"): the most used. */
function distinctNames(names: ReadonlyMap<string, number>): string[] {
  const seen = new Set<string>();
  return byUse(names).filter((name) => {
    const lower = name.toLowerCase();
    if (name === '' || seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}

interface Group {
  /** `d:` the organizational domain of the address, or the name's key when there is no address. */
  key: string;
  domain?: string;
  /** How many items it has. */
  size: number;
  /** Each name its reports use, with how many use it. */
  names: Map<string, number>;
  /** The key of the name most of its reports use. */
  nameKey?: string;
  /** The organizational domain without its public suffix (`n:yahoo` for yahoo.com), as a name can match it. */
  domainLabel?: string;
  /** Union-find link to the group this one was joined to; none while it is its own organization. */
  parent?: Group;
}

function root(group: Group): Group {
  let g = group;
  while (g.parent !== undefined) g = g.parent;
  if (g !== group) group.parent = g;
  return g;
}

/**
 * The reporters of `items` as organizations, the ones with the most items first. `metadataOf` gives an item's
 * report metadata. Reports are grouped by the organizational domain of their `email` (or, without one, of
 * extra_contact_info, or else by name); groups are then joined when most of their reports use the same name, or when
 * that name is another group's domain ("Google Inc." without an address joins google.com).
 */
export function groupReporters<T>(
  items: readonly T[],
  metadataOf: (item: T) => ReporterMetadata,
): Array<ReporterOrganization<T>> {
  const groups = new Map<string, Group>();
  // Thousands of reports come from a few dozen addresses under a few dozen names: each is read once, and what it
  // gives is kept per the strings as written (no string is built per item: a new string is hashed again at each lookup,
  // which was most of the time for 10,000 reports).
  const senders = new Map<string, Map<string | undefined, string | undefined>>();
  const cleanNames = new Map<string, string>();
  /** Per domain, and per name of a report that names no domain, its group's key. */
  const domainKeys = new Map<string, string>();
  const nameKeys = new Map<string, string>();
  /** Per item (by position), its group. */
  const groupOf = new Array<Group>(items.length);
  for (let i = 0; i < items.length; i++) {
    const metadata = metadataOf(items[i]!);
    let name = cleanNames.get(metadata.orgName);
    if (name === undefined) {
      name = cleanReporterName(metadata.orgName);
      cleanNames.set(metadata.orgName, name);
    }
    let byContact = senders.get(metadata.email);
    if (byContact === undefined) {
      byContact = new Map<string | undefined, string | undefined>();
      senders.set(metadata.email, byContact);
    }
    let domain = byContact.get(metadata.extraContactInfo);
    if (domain === undefined && !byContact.has(metadata.extraContactInfo)) {
      domain = domainOfAddress(metadata.email) ?? domainOfContact(metadata.extraContactInfo);
      byContact.set(metadata.extraContactInfo, domain);
    }
    let key: string | undefined;
    if (domain !== undefined) {
      key = domainKeys.get(domain);
      if (key === undefined) domainKeys.set(domain, (key = `d:${domain}`));
    } else {
      key = nameKeys.get(name);
      if (key === undefined) nameKeys.set(name, (key = nameKey(name) ?? 'n:'));
    }
    let group = groups.get(key);
    if (group === undefined) {
      group = { key, size: 0, names: new Map() };
      groups.set(key, group);
    }
    // A report without an address whose name is a domain ("veeam.com") shares the key of that domain's group.
    if (domain !== undefined && group.domain === undefined) {
      group.domain = domain;
      const label = getDomainWithoutSuffix(domain, { allowPrivateDomains: true });
      if (label) group.domainLabel = `n:${label}`;
    }
    group.size++;
    group.names.set(name, (group.names.get(name) ?? 0) + 1);
    groupOf[i] = group;
  }

  const join = (a: Group, b: Group | undefined) => {
    if (b === undefined) return;
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) rb.parent = ra;
  };
  /** Per domain label, the group of that domain; per name key, the first group that mostly uses that name. */
  const byLabel = new Map<string, Group>();
  const byName = new Map<string, Group>();
  for (const group of groups.values()) {
    // A group whose reports name its own domain is that domain's, whatever else some report calls itself (a report
    // named GMX from Google's reporting address); otherwise the name most of its reports use speaks for it.
    const byKey = new Map<string, number>();
    for (const [name, count] of group.names) {
      const key = nameKey(name);
      if (key !== undefined) byKey.set(key, (byKey.get(key) ?? 0) + count);
    }
    const keys = byUse(byKey);
    const own = keys.find((k) => k === group.key || k === group.domainLabel);
    const key = own ?? keys[0];
    if (key !== undefined) group.nameKey = key;
    if (group.domainLabel !== undefined && !byLabel.has(group.domainLabel)) byLabel.set(group.domainLabel, group);
  }
  for (const group of groups.values()) {
    const key = group.nameKey;
    if (key === undefined) continue;
    // A domain-like name joins that domain's group. Any other name joins the groups that mostly use it too, and the
    // group of the domain it is the name of ("Google" and google.com); two domains never join by their labels alone.
    join(group, groups.get(key));
    if (key.startsWith('n:')) {
      const first = byName.get(key);
      if (first === undefined) byName.set(key, group);
      else join(group, first);
      join(group, byLabel.get(key));
    }
  }

  const organizations = new Map<Group, Group[]>();
  for (const group of groups.values()) {
    const r = root(group);
    const list = organizations.get(r);
    if (list) list.push(group);
    else organizations.set(r, [group]);
  }
  /** Per organization (by its root group), what it is made of. */
  const result = new Map<Group, ReporterOrganization<T>>();
  for (const [r, parts] of organizations) {
    const uses = new Map<string, number>();
    for (const part of parts) for (const [name, count] of part.names) uses.set(name, (uses.get(name) ?? 0) + count);
    const names = distinctNames(uses);
    // The domain most of its reports came from names the organization.
    const top = [...parts].sort(
      (a, b) =>
        Number(b.domain !== undefined) - Number(a.domain !== undefined) || b.size - a.size || byText(a.key, b.key),
    )[0]!;
    const organization: ReporterOrganization<T> = {
      key: top.key,
      name: names[0] ?? top.domain ?? '',
      names,
      members: [],
    };
    if (top.domain !== undefined) organization.domain = top.domain;
    result.set(r, organization);
  }
  // Each item to its organization, in one pass: members keep the order given.
  for (let i = 0; i < items.length; i++) result.get(root(groupOf[i]!))!.members.push(items[i]!);
  return [...result.values()].sort((a, b) => b.members.length - a.members.length || byText(a.key, b.key));
}
