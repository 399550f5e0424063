// Whether a generated record is in DNS now, as a badge with what is published instead when it differs.
import type { PublicationCheck, PublicationStatus } from '../../../core/dns';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../../../core/i18n';
import { Badge, mutedClass } from '../ui/ui';
import { useRecordText } from './useRecordText';

const PUBLICATION: Record<PublicationStatus, { colour: 'green' | 'amber' | 'red' | 'grey'; label: MessageKey }> = {
  published: { colour: 'green', label: 'records.publication.published' },
  different: { colour: 'amber', label: 'records.publication.different' },
  missing: { colour: 'red', label: 'records.publication.missing' },
  'placeholder-present': { colour: 'green', label: 'records.publication.present' },
  'placeholder-missing': { colour: 'red', label: 'records.publication.missing' },
  error: { colour: 'grey', label: 'records.publication.error' },
};

export function PublicationBadge({ check }: { check: PublicationCheck | undefined }) {
  const { t } = useI18n();
  const say = useRecordText();
  if (!check) return null;
  const { colour, label } = PUBLICATION[check.status];
  return (
    <span class="block" data-testid="publication" data-status={check.status}>
      <Badge colour={colour}>{t(label)}</Badge>
      {check.status === 'different' && (
        <span class={`block break-all font-mono text-xs ${mutedClass}`}>
          {t('records.publication.now', { values: check.found.join(' | ') })}
        </span>
      )}
      {check.message && <span class={`block text-xs ${mutedClass}`}>{say(check.messageText ?? check.message)}</span>}
    </span>
  );
}
