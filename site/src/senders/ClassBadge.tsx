// A source class (core/analysis/classifyRecord.ts) as a coloured badge in the reader's language: the same on the
// Senders page and in the dashboard's sources table.
import type { SourceClass } from '../../../core/analysis/classifyRecord';
import { useI18n } from '../i18n/i18n';
import { Badge, type BadgeColour } from '../ui/ui';

export const CLASS_COLOURS: Record<SourceClass, BadgeColour> = {
  compliant: 'green',
  forwarded: 'blue',
  misconfigured: 'amber',
  suspicious: 'red',
};

export const SOURCE_CLASSES = Object.keys(CLASS_COLOURS) as SourceClass[];

export function ClassBadge({ sourceClass }: { sourceClass: SourceClass }) {
  const { t } = useI18n();
  return <Badge colour={CLASS_COLOURS[sourceClass]}>{t(`class.${sourceClass}`)}</Badge>;
}
