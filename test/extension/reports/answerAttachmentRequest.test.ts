// The background's answers to a card's parse and save requests, end to end below the messaging: real attachment bytes
// as base64, parse workers that read them as the parse worker does (readReportAttachment, toCardReportSummary), and
// the extension's report store in IndexedDB (fake-indexeddb in Node).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { answerAttachmentRequest } from '../../../extension/reports/answerAttachmentRequest';
import type { ParseWorkerRequest, ParseWorkerResponse } from '../../../extension/reports/parseWorkerProtocol';
import { readReportAttachment } from '../../../extension/reports/readReportAttachment';
import { toCardReportSummary } from '../../../extension/reports/toCardReportSummary';
import type { AttachmentPayload } from '../../../extension/messaging/messages';

/** Every request the parse workers were given. */
const requests: ParseWorkerRequest[] = [];

class ReadingWorker {
  #listener: ((event: { data: ParseWorkerResponse }) => void) | undefined;

  addEventListener(type: string, listener: (event: { data: ParseWorkerResponse }) => void): void {
    if (type === 'message') this.#listener = listener;
  }

  postMessage(request: ParseWorkerRequest): void {
    requests.push(request);
    void readReportAttachment(request.bytes, request.fileName, request.container).then((result) => {
      const response: ParseWorkerResponse =
        request.kind === 'read'
          ? { kind: 'read', result }
          : {
              kind: 'summarize',
              answer: result.ok
                ? { ok: true, summaries: result.reports.map(toCardReportSummary) }
                : { ok: false, error: result.error },
            };
      this.#listener?.({ data: response });
    });
  }

  terminate(): void {}
}

vi.stubGlobal('Worker', ReadingWorker);

function attachment(path: string, fileName = path.split('/').at(-1)!): AttachmentPayload {
  const bytes = readFileSync(`test/fixtures/reports/${path}`);
  return { fileName, base64: bytes.toString('base64'), container: 'attachment' };
}

const ZOHO = attachment('domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml');
const ZOHO_KEY = 'aggregate\u0000zoho.com\u0000e2cb5d97-dcbb-470f-b2dd-45519a2abbb3';

beforeEach(() => {
  requests.length = 0;
});

describe('answerAttachmentRequest', () => {
  it('summarizes a file once; the same bytes again are answered from what was kept', async () => {
    const first = await answerAttachmentRequest({ type: 'parse-attachment', attachment: ZOHO });
    expect(first.ok && first.summaries.map((s) => [s.key, s.messages, s.passRate])).toEqual([[ZOHO_KEY, 9, 0]]);
    expect(requests.map((r) => [r.kind, r.fileName])).toEqual([['summarize', ZOHO.fileName]]);
    // The key names the container, the name and the SHA-256 of the bytes.
    expect(requests[0]!.key).toMatch(
      new RegExp(`^attachment\u0000${ZOHO.fileName.replaceAll('.', '\\.')}\u0000[0-9a-f]{64}$`),
    );
    expect(await answerAttachmentRequest({ type: 'parse-attachment', attachment: ZOHO })).toEqual(first);
    expect(requests).toHaveLength(1);
  });

  it('saves the file’s reports once: a second save stores nothing new', async () => {
    expect(await answerAttachmentRequest({ type: 'save-attachment', attachment: ZOHO })).toEqual({
      ok: true,
      keys: [ZOHO_KEY],
      added: 1,
    });
    expect(await answerAttachmentRequest({ type: 'save-attachment', attachment: ZOHO })).toEqual({
      ok: true,
      keys: [ZOHO_KEY],
      added: 0,
    });
    expect(requests.map((r) => [r.kind, r.fileName])).toEqual([
      ['read', ZOHO.fileName],
      ['read', ZOHO.fileName],
    ]);
  });

  it('a file that could not be read is not read again to be saved: the save gives the same error', async () => {
    // A message whose gzip attachment is damaged (JamesJJ/dmarc-report-ses-tsv's mail-with-bad-gzip.txt).
    const broken = attachment('JamesJJ__dmarc-report-ses-tsv/mail-with-bad-gzip.txt');
    const parsed = await answerAttachmentRequest({ type: 'parse-attachment', attachment: broken });
    expect(parsed.ok ? 'read' : parsed.error.code).toBe('corrupt-archive');
    expect(await answerAttachmentRequest({ type: 'save-attachment', attachment: broken })).toEqual(parsed);
    expect(requests.map((r) => r.kind)).toEqual(['summarize']);
  });
});
