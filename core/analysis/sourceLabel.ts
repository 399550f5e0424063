import { explain, type ExplanationParam } from './explanation';

/**
 * A group's label (or a service's name) as an explanation parameter: the names groupSources and identifySource
 * write in words — servers under a PTR organisation, a mailing-list host, an unknown address — become explanations
 * a page can translate; every other label is a name and stays as it is.
 */
export function labelExplanation(key: string, label: string): ExplanationParam {
  if (key.startsWith('rdns:')) return explain('label.rdns', { org: key.slice('rdns:'.length) });
  if (key.startsWith('list:')) return explain('label.mailingList', { host: key.slice('list:'.length) });
  if (key === 'ip:') return explain('label.unknownAddress');
  return label;
}
