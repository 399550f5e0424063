// The dedupe key of a report (core/analysis/reportKey.ts).
import { describe, expect, it } from 'vitest';
import { reportKey } from '../../../core/analysis/reportKey';
import { parseOneAggregate, reportXml } from '../../helpers/reportXml';

describe('reportKey', () => {
  it('keys on org name + report id, case preserved', async () => {
    const a = (
      await parseOneAggregate(
        reportXml({
          metadata:
            '<org_name>Google.com</org_name><email>x@google.com</email><report_id>AbC</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range>',
        }),
      )
    ).report;
    const b = (
      await parseOneAggregate(
        reportXml({
          metadata:
            '<org_name>google.com</org_name><email>x@google.com</email><report_id>AbC</report_id><date_range><begin>1700000000</begin><end>1700086399</end></date_range>',
        }),
      )
    ).report;
    expect(reportKey(a)).toBe('aggregate\u0000Google.com\u0000AbC');
    expect(reportKey(b)).toBe('aggregate\u0000google.com\u0000AbC');
  });
});
