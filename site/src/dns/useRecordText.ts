// Sentences from core/dns (issues, tag explanations, rollout steps, purposes) and the pages' own status lines in
// the page's language. Core gives each sentence as an id with parameters; the site catalogue holds it under
// `records.text.<id>` (dnsMessages.ts). Both are kept as ids until rendered, so switching the language rewrites
// what is already on screen.
import { renderRecordText, type DnsRecordSentence, recordTextKey } from '../../../core/dns';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../../../core/i18n';

/** A message of the page kept in state (a status line, an error), by key, with parameters that may be core sentences. */
export interface PageMessage {
  key: MessageKey;
  params?: Readonly<Record<string, string | number | DnsRecordSentence>>;
}

/** Renders in the current language; plain strings (a provider's menu path, a DNS error) pass as they are. */
export function useRecordText(): (text: DnsRecordSentence | PageMessage | string) => string {
  const { t, number } = useI18n();
  const say = (text: DnsRecordSentence | PageMessage | string): string => {
    if (typeof text === 'string') return text;
    if ('key' in text) {
      const params = Object.entries(text.params ?? {}).map(([name, value]): [string, string | number] => [
        name,
        typeof value === 'object' ? say(value) : value,
      ]);
      return t(text.key, Object.fromEntries(params));
    }
    return renderRecordText(text, (id) => t(recordTextKey(id)), number);
  };
  return say;
}
