// Builders for small aggregate report documents used by the specification and container tests.
import type { AggregateReport, ParseResult } from '../../core/report/types';
import { parseReport } from '../../core/report/parseReport';

export interface RecordXml {
  ip?: string;
  count?: string | number;
  disposition?: string;
  dkim?: string;
  spf?: string;
  extraEvaluated?: string;
  identifiers?: string;
  authResults?: string;
  extra?: string;
}

export function recordXml(r: RecordXml = {}, p = ''): string {
  return (
    `<${p}record><${p}row><${p}source_ip>${r.ip ?? '192.0.2.1'}</${p}source_ip><${p}count>${r.count ?? 1}</${p}count>` +
    `<${p}policy_evaluated><${p}disposition>${r.disposition ?? 'none'}</${p}disposition><${p}dkim>${r.dkim ?? 'pass'}</${p}dkim>` +
    `<${p}spf>${r.spf ?? 'pass'}</${p}spf>${r.extraEvaluated ?? ''}</${p}policy_evaluated></${p}row>` +
    `<${p}identifiers>${r.identifiers ?? `<${p}header_from>example.com</${p}header_from>`}</${p}identifiers>` +
    `<${p}auth_results>${r.authResults ?? `<${p}dkim><${p}domain>example.com</${p}domain><${p}selector>s1</${p}selector><${p}result>pass</${p}result></${p}dkim><${p}spf><${p}domain>example.com</${p}domain><${p}result>pass</${p}result></${p}spf>`}</${p}auth_results>` +
    `${r.extra ?? ''}</${p}record>`
  );
}

export interface ReportXml {
  root?: string;
  metadata?: string;
  policy?: string;
  records?: string[];
  beforeRecords?: string;
  declaration?: string;
}

export function reportXml(r: ReportXml = {}): string {
  return (
    `${r.declaration ?? '<?xml version="1.0" encoding="UTF-8"?>'}\n${r.root ?? '<feedback>'}` +
    `<report_metadata>${r.metadata ?? '<org_name>Example Receiver</org_name><email>dmarc@receiver.example</email><report_id>r-1</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range>'}</report_metadata>` +
    `<policy_published>${r.policy ?? '<domain>example.com</domain><adkim>r</adkim><aspf>r</aspf><p>none</p><sp>none</sp><pct>100</pct>'}</policy_published>` +
    `${r.beforeRecords ?? ''}${(r.records ?? [recordXml()]).join('\n')}</${(r.root ?? '<feedback>').replace(/^<([\w:.-]+).*$/s, '$1')}>`
  );
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Parse and return the single aggregate report, failing the test with the error otherwise. */
export async function parseOneAggregate(
  input: string | Uint8Array,
  fileName = 'test.xml',
): Promise<{ report: AggregateReport; warnings: string[]; result: ParseResult }> {
  const result = await parseReport(typeof input === 'string' ? utf8(input) : input, { fileName });
  if (!result.ok) throw new Error(`expected a report, got ${result.error.code}: ${result.error.message}`);
  const parsed = result.reports.find((r) => r.report.kind === 'aggregate');
  if (!parsed) throw new Error('no aggregate report');
  return { report: parsed.report as AggregateReport, warnings: [...parsed.warnings, ...result.warnings], result };
}
