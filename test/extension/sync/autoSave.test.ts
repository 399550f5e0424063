// Auto-save reads each card's file once: the card's summary and the save come from one parse, however many cards a
// thread shows at once. Below the messaging, end to end: real report files as base64, parse workers that read them as
// the parse worker does (each keeping the files it parsed, entrypoints/parse-worker.ts) and count every parse, and the
// extension's report store in IndexedDB (fake-indexeddb in Node).
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { AttachmentPayload } from '../../../extension/messaging/messages';
import { answerAttachmentRequest } from '../../../extension/reports/answerAttachmentRequest';
import { MAX_PARSE_WORKERS } from '../../../extension/reports/ParseWorkerPool';
import {
  HELD_FILES,
  type ParseWorkerRequest,
  type ParseWorkerResponse,
} from '../../../extension/reports/parseWorkerProtocol';
import { readReportAttachment, type ReadAttachmentResult } from '../../../extension/reports/readReportAttachment';
import { toCardReportSummary } from '../../../extension/reports/toCardReportSummary';
import { parseAndAutoSave } from '../../../extension/sync/autoSave';

/** The files parsed, by name, each time a worker parsed one. */
const parsed: string[] = [];

/** A parse worker as entrypoints/parse-worker.ts is: it keeps the last files it parsed and answers again from them. */
class CountingWorker {
  readonly #held = new Map<string, ReadAttachmentResult>();
  #listener: ((event: { data: ParseWorkerResponse }) => void) | undefined;

  addEventListener(type: string, listener: (event: { data: ParseWorkerResponse }) => void): void {
    if (type === 'message') this.#listener = listener;
  }

  postMessage(request: ParseWorkerRequest): void {
    void this.#answer(request).then((response) => this.#listener?.({ data: response }));
  }

  async #answer({ kind, key, bytes, fileName, container }: ParseWorkerRequest): Promise<ParseWorkerResponse> {
    let result = this.#held.get(key);
    if (result === undefined) {
      parsed.push(fileName);
      result = await readReportAttachment(bytes, fileName, container);
      this.#held.set(key, result);
      if (this.#held.size > HELD_FILES) this.#held.delete(this.#held.keys().next().value!);
    }
    if (kind === 'read') return { kind, result };
    return {
      kind,
      answer: result.ok
        ? { ok: true, summaries: result.reports.map(toCardReportSummary) }
        : { ok: false, error: result.error },
    };
  }

  terminate(): void {}
}

vi.stubGlobal('Worker', CountingWorker);

function attachment(path: string): AttachmentPayload {
  const bytes = readFileSync(`test/fixtures/reports/${path}`);
  return { fileName: path.split('/').at(-1)!, base64: bytes.toString('base64'), container: 'attachment' };
}

/** Four report files a thread may show at once: one more than there are parse workers. */
const FILES = [
  'domainaware__parsedmarc/zoho.com!example.com!1581753600!1581840000.xml',
  'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1740614400!1740700800.xml',
  'loleik__dmarc-analysis/enterprise.protection.outlook.com!lolei.uk!1754524800!1754611200.xml',
  'domainaware__parsedmarc/usssa.com!example.com!1538784000!1538870399.xml',
].map(attachment);

/** A card alone in its thread. */
const ALONE = attachment(
  'jonzobrist__DMARC-Report-Manager/comcast.net!secure.200permits.com!1766188800!1766275200.xml',
);

beforeEach(() => {
  fakeBrowser.reset();
  parsed.length = 0;
});

describe('parseAndAutoSave', () => {
  it('shows and saves a card’s report from one parse', async () => {
    const answer = await parseAndAutoSave(ALONE, answerAttachmentRequest);
    expect(answer).toMatchObject({ ok: true, autoSaved: { ok: true, added: 1, reports: 1 } });
    expect(parsed).toEqual([ALONE.fileName]);
  });

  it('parses each of more cards than there are workers once, while they are shown and saved together', async () => {
    expect(FILES.length).toBeGreaterThan(MAX_PARSE_WORKERS);
    const answers = await Promise.all(FILES.map((file) => parseAndAutoSave(file, answerAttachmentRequest)));
    expect(answers.map((answer) => answer.ok && answer.autoSaved)).toEqual(
      FILES.map(() => ({ ok: true, added: 1, reports: 1 })),
    );
    expect([...parsed].sort()).toEqual(FILES.map((file) => file.fileName).sort());
  });
});
