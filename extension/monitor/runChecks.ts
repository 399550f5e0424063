// The watch, run after reports arrive: every import, sync, drop and save calls runChecks. It judges the stored reports
// (core's watchFindings), compares with what it told last time (diffWatchFindings), keeps the memory, and tells what
// is new, changed or resolved: a notification per domain and the open problems on the toolbar badge. An identical
// second import finds the same, so it tells nothing.
import {
  diffWatchFindings,
  openProblems,
  watchFindings,
  type AsnTable,
  type WatchAlert,
  type WatchFindingKind,
} from '../../core/analysis';
import { readAsnTable } from '../../core/analysis';
import { extensionDatabase } from '../reports/saveParsedReports';
import { loadWatchedReports } from './loadWatchedReports';
import { readMonitorSettings } from './monitorSettings';
import { liveResolver, lookupPublishedPolicies } from './liveLookups';
import { localeOfSetting, readLanguageSetting } from '../ui/languageSetting';
import { notifyAlerts, showBadge } from './showAlerts';
import { readWatchMemory, writeWatchCheck } from './watchStorage';

export interface CheckOutcome {
  alerts: WatchAlert[];
  openProblems: number;
}

/** The kinds judged without live lookups (drift needs the published record: liveLookups.ts). */
const JUDGED_KINDS: readonly WatchFindingKind[] = ['source', 'spoofing', 'policy'];

let asnTable: Promise<AsnTable | undefined> | undefined;

/**
 * The offline ASN table the site's pages use, from the extension's own files: unnamed sources are then networks, as
 * on the Senders page. Without it (a build without the table) sources are single addresses.
 */
export function loadExtensionAsnTable(): Promise<AsnTable | undefined> {
  asnTable ??= (async () => {
    try {
      const response = await fetch(browser.runtime.getURL('/data/asn-table.bin'), { credentials: 'omit' });
      if (!response.ok) return undefined;
      const read = readAsnTable(new Uint8Array(await response.arrayBuffer()));
      return read.ok ? read.table : undefined;
    } catch {
      return undefined;
    }
  })();
  return asnTable;
}

let running: Promise<unknown> = Promise.resolve();

/** The Web Lock every context of the extension (its pages, the background) takes for a check. */
export const CHECK_LOCK = 'dmarc-lens-watch-check';

/**
 * Checks every domain's stored reports and tells what changed. A check reads the memory of what was told and writes
 * it back, so two at once would both tell the same news: checks run one after another, in one context (two imports
 * finishing together) and across the extension's pages and its background (a Web Lock of the extension's origin).
 */
export function runChecks(now: Date = new Date()): Promise<CheckOutcome> {
  const check = running.then(() => exclusively(() => checkOnce(now)));
  running = check.catch(() => undefined);
  return check;
}

function exclusively<T>(work: () => Promise<T>): Promise<T> {
  // Every context the checks run in has Web Locks (Chrome 69, Firefox 96); the chain above still orders one context
  // without them.
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  return locks ? (locks.request(CHECK_LOCK, work) as Promise<T>) : work();
}

async function checkOnce(now: Date): Promise<CheckOutcome> {
  const settings = await readMonitorSettings();
  const [watched, memory, table] = await Promise.all([
    extensionDatabase().then((db) => loadWatchedReports(db, settings.thresholds)),
    readWatchMemory(),
    loadExtensionAsnTable(),
  ]);
  // With live lookups on: each watched domain's published record, asked once per check.
  const resolver = await liveResolver();
  const published = resolver ? await lookupPublishedPolicies(watched.domains, resolver) : undefined;
  const findings = watchFindings(watched.reports, {
    now: Math.floor(now.getTime() / 1000),
    thresholds: settings.thresholds,
    ...(table ? { asnTable: table } : {}),
    ...(published ? { publishedPolicies: published.policies, recordProblems: published.problems } : {}),
  });
  // A domain whose reports were deleted is forgotten, without alerts.
  const stored = new Set(watched.domains);
  const kept = {
    findings: Object.fromEntries(Object.entries(memory.findings).filter(([, f]) => stored.has(f.domain))),
    domains: memory.domains.filter((d) => stored.has(d)),
  };
  const kinds: WatchFindingKind[] = [
    ...JUDGED_KINDS,
    ...(settings.thresholds.silentDays > 0 ? ['silence' as const] : []),
    ...(published ? ['drift' as const] : []),
  ];
  const diff = diffWatchFindings(kept, findings, {
    domains: watched.domains,
    kinds,
    ...(published ? { unjudged: published.failed.map((domain) => `drift:${domain}`) } : {}),
  });
  const at = now.getTime();
  await writeWatchCheck(diff.memory, diff.alerts, at);
  const open = openProblems(diff.memory);
  if (settings.notify) {
    await showBadge(open);
    if (diff.alerts.length > 0) await notifyAlerts(diff.alerts, localeOfSetting(await readLanguageSetting()), at);
  } else {
    await showBadge(0);
  }
  return { alerts: diff.alerts, openProblems: open };
}

/**
 * After a save that answered `added` new reports: runs the checks in the background of the answer (a failing check
 * never fails the save), and hands the answer on unchanged.
 */
export function checkAfterSave<Answer extends { ok: boolean; added?: number }>(answer: Answer): Answer {
  if (answer.ok && (answer.added ?? 0) > 0) void runChecks().catch(() => undefined);
  return answer;
}
