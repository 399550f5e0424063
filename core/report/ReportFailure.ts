import { reportText, type ReportMessageKey, type ReportParamsArgument } from './reportMessages';
import type { ReportErrorCode } from './types';

/**
 * Internal signal for a document that cannot be read. Thrown inside core/report only and always caught by
 * parseReport, which turns it into a typed `{ok: false, error}` result: nothing throws across the core API.
 * Its message is a catalogue sentence in English (reportMessages.ts reads it back for other languages).
 */
export class ReportFailure extends Error {
  /** Stops the whole input, not just the current archive member (limits protecting the process). */
  readonly fatal: boolean;

  private constructor(
    readonly code: ReportErrorCode,
    message: string,
    fatal: boolean,
  ) {
    super(message);
    this.name = 'ReportFailure';
    this.fatal = fatal;
  }

  /** The failure `code`, said by the catalogue sentence `key`; too-large and aborted stop the whole input. */
  static of<Key extends ReportMessageKey>(
    code: ReportErrorCode,
    key: Key,
    ...params: ReportParamsArgument<Key>
  ): ReportFailure {
    return new ReportFailure(code, reportText(key, ...params), code === 'too-large' || code === 'aborted');
  }

  /** Like {@link of}, but a limit that loses only part of the input: what was read before it is kept. */
  static partial<Key extends ReportMessageKey>(
    code: ReportErrorCode,
    key: Key,
    ...params: ReportParamsArgument<Key>
  ): ReportFailure {
    return new ReportFailure(code, reportText(key, ...params), false);
  }
}
