import type { ReportErrorCode } from './types';

/**
 * Internal signal for a document that cannot be read. Thrown inside core/report only and always caught by
 * parseReport, which turns it into a typed `{ok: false, error}` result: nothing throws across the core API.
 */
export class ReportFailure extends Error {
  constructor(
    readonly code: ReportErrorCode,
    message: string,
    /** Stops the whole input, not just the current archive member (limits protecting the process). */
    readonly fatal = code === 'too-large' || code === 'aborted',
  ) {
    super(message);
    this.name = 'ReportFailure';
  }
}
