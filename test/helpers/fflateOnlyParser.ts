// parseReport and parseReportStream as fflate's streaming path alone reads every input: a fresh copy of the parser
// whose InflateStream refuses each stream at once, so everything is read again by fflate from its start. The
// differential tests hold the fast path's records, warnings and errors to it.
import { vi } from 'vitest';
import type { InflateStatus } from '../../core/report/inflateStream';
import type { parseReport, parseReportStream } from '../../core/report/parseReport';

export async function importFflateOnlyParser(): Promise<{
  parseReport: typeof parseReport;
  parseReportStream: typeof parseReportStream;
}> {
  vi.resetModules();
  vi.doMock('../../core/report/inflateStream', async (actual: () => Promise<object>) => {
    const refusing = {
      pending: 0,
      end: 0,
      reset() {},
      run: (): InflateStatus => 'bad',
      take: () => new Uint8Array(0),
    };
    return { ...(await actual()), borrowInflater: () => refusing, returnInflater: () => {} };
  });
  try {
    return await import('../../core/report/parseReport');
  } finally {
    vi.doUnmock('../../core/report/inflateStream');
  }
}
