import { explain, type ExplanationParam } from './explanation';
import { findServiceById } from './findSendingService';

/**
 * The key prefix of the mail others' accounts at a shared mailbox provider sent as the domain (`others:google`), a
 * source apart from the domain's own account there (`google`).
 */
export const OTHERS_PREFIX = 'others:';

/**
 * A group's label (or a service's name) as an explanation parameter: the names groupSources and identifySource
 * write in words — servers under a PTR organisation, a mailing-list host, others' accounts at a provider, an unknown
 * address — become explanations a page can translate; every other label is a name and stays as it is.
 */
export function labelExplanation(key: string, label: string): ExplanationParam {
  if (key.startsWith('rdns:')) return explain('label.rdns', { org: key.slice('rdns:'.length) });
  if (key.startsWith('list:')) return explain('label.mailingList', { host: key.slice('list:'.length) });
  if (key.startsWith(OTHERS_PREFIX)) {
    const service = findServiceById(key.slice(OTHERS_PREFIX.length));
    return explain('label.otherAccounts', { name: service?.name ?? label });
  }
  if (key === 'ip:') return explain('label.unknownAddress');
  return label;
}
