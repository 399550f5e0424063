// The include tree of an SPF evaluation with its lookup counts (RFC 7208 §4.6.4 limits).
import {
  type SpfLookupEvaluation,
  type SpfLookupNode,
  MAX_SPF_DNS_LOOKUPS,
  MAX_SPF_VOID_LOOKUPS,
} from '../../../core/dns';
import { useI18n } from '../i18n/i18n';
import { Badge, mutedClass } from '../ui/ui';
import { IssueList } from './IssueList';

function Node({ node }: { node: SpfLookupNode }) {
  return (
    <li class="mt-1">
      <span class="font-mono text-sm">{node.via === 'domain' ? node.domain : node.via}</span>
      {node.record && <span class={`block break-all font-mono text-xs ${mutedClass}`}>{node.record}</span>}
      <IssueList issues={node.issues.filter((issue) => issue.severity !== 'info')} />
      {node.children.length > 0 && (
        <ul class="ml-4 border-l border-slate-200 pl-3 dark:border-slate-700">
          {node.children.map((child, index) => (
            <Node key={`${child.domain}-${index}`} node={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function SpfLookupTree({ evaluation }: { evaluation: SpfLookupEvaluation }) {
  const { t } = useI18n();
  const over = evaluation.lookups > MAX_SPF_DNS_LOOKUPS;
  const voidOver = evaluation.voidLookups > MAX_SPF_VOID_LOOKUPS;
  return (
    <div class="space-y-2" data-testid="spf-tree">
      <p class="flex flex-wrap gap-3 text-sm">
        <span>
          {t('records.spfTree.lookups')}{' '}
          <Badge colour={over ? 'red' : 'green'}>
            {t('records.spfTree.count', { count: evaluation.lookups, max: MAX_SPF_DNS_LOOKUPS })}
          </Badge>
        </span>
        <span>
          {t('records.spfTree.voidLookups')}{' '}
          <Badge colour={voidOver ? 'red' : 'green'}>
            {t('records.spfTree.count', { count: evaluation.voidLookups, max: MAX_SPF_VOID_LOOKUPS })}
          </Badge>
        </span>
      </p>
      <IssueList issues={evaluation.issues} />
      <ul>
        <Node node={evaluation.root} />
      </ul>
    </div>
  );
}
