// Alerts only when something is new, changed or resolved (issue 17: no storms). The memory holds what was last told
// of each open problem and notice; a check compares its findings (watchFindings.ts) with it. A second identical
// import gives the same findings, so it tells nothing.
import type { FindingLevel, WatchFinding, WatchFindingKind } from './watchFindings';

/** What the memory keeps of a finding that was told: enough to say it has ended. */
export interface RememberedFinding {
  kind: WatchFindingKind;
  domain: string;
  level: Exclude<FindingLevel, 'quiet'>;
  state: string;
  /** A source's name, for "… has sent no mail since …". */
  label?: string;
  /** A source's latest day of mail, when it was told. */
  lastDay?: string;
}

export interface WatchMemory {
  /** Open problems and notices by finding id. */
  findings: Record<string, RememberedFinding>;
  /** Every domain ever checked: silence found on a domain's first check is an archive, not a change. */
  domains: string[];
}

/** The state remembered for the silence of a domain first seen already silent. */
const ARCHIVED = 'archived';

export const EMPTY_WATCH_MEMORY: WatchMemory = { findings: {}, domains: [] };

export type WatchAlert =
  | { change: 'raised' | 'changed'; id: string; domain: string; finding: WatchFinding }
  /** `finding` is what the domain shows now (a source passing again), absent when the condition is simply gone. */
  | { change: 'resolved'; id: string; domain: string; was: RememberedFinding; finding?: WatchFinding };

export interface WatchDiff {
  alerts: WatchAlert[];
  memory: WatchMemory;
}

function remember(finding: WatchFinding & { level: 'problem' | 'notice' }): RememberedFinding {
  return {
    kind: finding.kind,
    domain: finding.domain,
    level: finding.level,
    state: finding.state,
    ...(finding.kind === 'source' ? { label: finding.label, lastDay: finding.lastDay } : {}),
  };
}

const isTold = (finding: WatchFinding): finding is WatchFinding & { level: 'problem' | 'notice' } =>
  finding.level !== 'quiet';

/**
 * The alerts between the memory of the last check and this check's findings, and the memory to keep. `judged` names
 * the domains this check looked at and the kinds it judged: a remembered finding of another domain, or of a kind not
 * judged this time (drift with live lookups turned off, silence with its check off), is kept as it was; so is one
 * whose id is in `unjudged` (the drift of a domain whose lookup failed this time).
 */
export function diffWatchFindings(
  memory: WatchMemory,
  findings: readonly WatchFinding[],
  judged: { domains: readonly string[]; kinds: readonly WatchFindingKind[]; unjudged?: readonly string[] },
): WatchDiff {
  const alerts: WatchAlert[] = [];
  const next: Record<string, RememberedFinding> = {};
  const knownDomains = new Set(memory.domains);
  const seen = new Set<string>();
  for (const finding of findings) {
    seen.add(finding.id);
    const was = memory.findings[finding.id];
    if (isTold(finding)) next[finding.id] = remember(finding);
    if (finding.level === 'quiet') {
      if (was?.level === 'problem')
        alerts.push({ change: 'resolved', id: finding.id, domain: finding.domain, was, finding });
      continue;
    }
    // Reports that ended long ago, imported for the first time, are an archive: their silence is no news, and no
    // problem either, until reports come and stop again.
    if (
      finding.kind === 'silence' &&
      (was?.state === ARCHIVED || (was === undefined && !knownDomains.has(finding.domain)))
    ) {
      next[finding.id] = { kind: 'silence', domain: finding.domain, level: 'notice', state: ARCHIVED };
      continue;
    }
    if (was === undefined) {
      alerts.push({ change: 'raised', id: finding.id, domain: finding.domain, finding });
    } else if (finding.level === 'problem' && was.level !== 'problem') {
      alerts.push({ change: 'raised', id: finding.id, domain: finding.domain, finding });
    } else if (finding.level === 'notice' && was.level === 'problem') {
      alerts.push({ change: 'resolved', id: finding.id, domain: finding.domain, was, finding });
    } else if (finding.state !== was.state) {
      alerts.push({
        change: finding.level === 'problem' ? 'changed' : 'raised',
        id: finding.id,
        domain: finding.domain,
        finding,
      });
    }
  }
  const judgedDomains = new Set(judged.domains);
  const judgedKinds = new Set(judged.kinds);
  const unjudged = new Set(judged.unjudged);
  for (const [id, was] of Object.entries(memory.findings)) {
    if (seen.has(id)) continue;
    if (!judgedDomains.has(was.domain) || !judgedKinds.has(was.kind) || unjudged.has(id)) {
      next[id] = was;
      continue;
    }
    if (was.level === 'problem') alerts.push({ change: 'resolved', id, domain: was.domain, was });
  }
  const domains = [...new Set([...memory.domains, ...judged.domains])].sort();
  return { alerts, memory: { findings: next, domains } };
}

/** Open problems in the memory: the number on the toolbar badge. */
export function openProblems(memory: WatchMemory): number {
  let count = 0;
  for (const finding of Object.values(memory.findings)) if (finding.level === 'problem') count++;
  return count;
}
