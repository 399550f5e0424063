// Whether a generated record is in DNS now, as a badge with what is published instead when it differs.
import type { PublicationCheck, PublicationStatus } from '../../../core/records/compareWithPublished';
import { Badge, mutedClass } from '../ui/ui';

const PUBLICATION: Record<PublicationStatus, { colour: 'green' | 'amber' | 'red' | 'grey'; label: string }> = {
  published: { colour: 'green', label: 'published' },
  different: { colour: 'amber', label: 'different value' },
  missing: { colour: 'red', label: 'missing' },
  'placeholder-present': { colour: 'green', label: 'present' },
  'placeholder-missing': { colour: 'red', label: 'missing' },
  error: { colour: 'grey', label: 'lookup failed' },
};

export function PublicationBadge({ check }: { check: PublicationCheck | undefined }) {
  if (!check) return null;
  const { colour, label } = PUBLICATION[check.status];
  return (
    <span class="block" data-testid="publication" data-status={check.status}>
      <Badge colour={colour}>{label}</Badge>
      {check.status === 'different' && (
        <span class={`block break-all font-mono text-xs ${mutedClass}`}>{`Published now: ${check.found.join(' | ')}`}</span>
      )}
      {check.message && <span class={`block text-xs ${mutedClass}`}>{check.message}</span>}
    </span>
  );
}
