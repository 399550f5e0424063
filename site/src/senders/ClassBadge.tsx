// A source class (core/analysis/classifyRecord.ts) as a coloured badge in the reader's language, and the messages of
// other classes the source carries beside it: the same on the Senders page and in the dashboard's sources table.
import type { SourceClass } from '../../../core/analysis';
import { useI18n } from '../i18n/i18n';
import { Badge, mutedClass, type BadgeColour } from '../ui/ui';

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

/** The messages of a source that are not of its own class, by class ("13 suspicious · 4 forwarded"). */
export function ClassBreakdown({
  byClass,
  sourceClass,
}: {
  byClass: Readonly<Record<SourceClass, number>>;
  sourceClass: SourceClass;
}) {
  const { t } = useI18n();
  const others = SOURCE_CLASSES.filter((cls) => cls !== sourceClass && byClass[cls] > 0);
  if (others.length === 0) return null;
  return (
    <div class={`mt-1 text-xs whitespace-nowrap ${mutedClass}`} data-testid="class-breakdown">
      {others.map((cls) => t(`senders.beside.${cls}`, { count: byClass[cls] })).join(' · ')}
    </div>
  );
}
