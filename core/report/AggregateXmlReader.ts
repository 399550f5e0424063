// Streaming reader for aggregate report XML. Text arrives in chunks; the reader splits each `<feedback>` document at
// record boundaries: the head (everything before the first `<record>`: version, report_metadata, policy_published,
// extension) is parsed once, then records are parsed in batches with fast-xml-parser and handed on. The whole document
// never exists as one string or tree, so memory stays flat however large the report (Google sends hundreds of
// thousands of rows). Several documents in one stream (reports pasted into one file) are read one after another.
import { XMLParser } from 'fast-xml-parser';
import { findTag, type FoundTag } from './findTag';
import { MAX_ELEMENT_CHARS, MAX_RECORDS_PER_REPORT } from './limits';
import { dateRangeProblem } from './plausibility';
import { ReportFailure } from './ReportFailure';
import { plainReportText, reportText, type PlainReportKey } from './reportMessages';
import { plainRecordEnd, readPlainRecordAt } from './readPlainRecords';
import { readWellFormedXml } from './readWellFormedXml';
import { looksDamaged, repairXml } from './repairXml';
import {
  WarningSet,
  child,
  children,
  findElement,
  text,
  readAggregateRecord,
  recordTextOf,
  toAggregateRecords,
  type WarningSink,
  toMetadata,
  type RecordText,
  toPolicyPublished,
  type XmlNode,
} from './toAggregateReport';
import type { AggregateRecord, AggregateReport } from './types';

/** DTDs are refused outright: internal entities are how "billion laughs" expansion works (RFC 9990 §7). */
const DTD = /<!DOCTYPE|<!ENTITY/i;
/** Characters kept back from the end of a chunk so that a tag split across chunks is seen whole. */
const LOOKBEHIND = 64;
/** Record text gathered before one fast-xml-parser call: big enough to amortize the call, small enough to stay flat. */
const BATCH_CHARS = 256 * 1024;

/** fast-xml-parser as the general path reads reports; readWellFormedXml builds the same tree for plain XML. */
export const XML_PARSER_OPTIONS = {
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // No callbacks use element paths; building the path string for every element would be work for nothing.
  jPath: false,
} as const;
const xmlParser = new XMLParser(XML_PARSER_OPTIONS);

/** The head of an aggregate report, before any record: what a consumer needs to interpret records as they stream. */
export type AggregateHead = Omit<AggregateReport, 'records'>;

export interface AggregateXmlSink {
  /** A batch of records of the report whose head was given by the last `onHead`. */
  onRecords(records: AggregateRecord[], head: AggregateHead): void;
  onHead(head: AggregateHead): void;
  /**
   * The report is complete; `warnings` are what was recovered from while reading it. `start` and `end` are where its
   * document lies in the text pushed so far (from `<feedback` to after `</feedback>`, or to the end of a truncated one).
   */
  onReportEnd(head: AggregateHead, warnings: string[], start: number, end: number): void;
  /**
   * A report refused whole, after its head: a `malformed` failure naming the file and why (dateRangeProblem). Its
   * records are not read and it has no onHead or onReportEnd; the documents after it in the stream are read as usual.
   * Without this handler the refusal is thrown, which ends the stream.
   */
  onReportRefused?(refusal: ReportFailure): void;
}

type Mode = 'between' | 'head' | 'records';

/** Warnings kept in order, to be added to a report's later. */
class WarningList implements WarningSink {
  readonly list: string[] = [];
  add(message: string): void {
    this.list.push(message);
  }
}

/**
 * Characters of text outside any report that are not blanks, dashes (separator lines), XML declarations or comments:
 * what `text.replace(/<\?xml[^>]*>|[\s-]+|<!--[\s\S]*?-->/g, '').length` counts, in linear time (that expression
 * searched to the end of the text for every unclosed `<?xml` or `<!--`).
 */
function countIgnoredText(text: string): number {
  let count = 0;
  // The next `>` and `-->` at or after where they were last searched from (-1: none to the end).
  let gt = -2;
  let commentEnd = -2;
  for (let i = 0; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 60 /* < */) {
      if (text.startsWith('<?xml', i)) {
        if (gt !== -1 && gt < i + 5) gt = text.indexOf('>', i + 5);
        if (gt !== -1) {
          i = gt + 1;
          continue;
        }
      } else if (text.startsWith('<!--', i)) {
        if (commentEnd !== -1 && commentEnd < i + 4) commentEnd = text.indexOf('-->', i + 4);
        if (commentEnd !== -1) {
          i = commentEnd + 3;
          continue;
        }
      }
    } else if (c === 45 /* - */ || /\s/.test(text[i]!)) {
      i++;
      continue;
    }
    count++;
    i++;
  }
  return count;
}

export class AggregateXmlReader {
  private buffer = '';
  /** Characters of the stream before `buffer`: turns positions in the buffer into positions in the whole text. */
  private consumed = 0;
  private documentStart = 0;
  private mode: Mode = 'between';
  private head = '';
  private feedbackTag = 'feedback';
  /**
   * The records of the batch from its first one only the tree path reads: read, or (undefined) waiting for the tree
   * path, the next of `declined` each.
   */
  private batch: Array<RecordText | undefined> = [];
  /** The text of each record of the batch that only the tree path reads, in order. */
  private declined: string[] = [];
  /** The batch's records read and interpreted before its first declined one (some may have been left out)… */
  private ready: AggregateRecord[] = [];
  /** …how many records they were made from… */
  private readyCount = 0;
  /** …and the warnings interpreting them gave, added to the report's when the batch is handed on. */
  private readyWarnings = new WarningList();
  private batchChars = 0;
  private current: AggregateHead | undefined;
  /** Why the document being read is refused, once its head says so: its records are then skipped. */
  private refusal: ReportFailure | undefined;
  private warnings = new WarningSet();
  private recordCount = 0;
  /** Documents seen in this stream; more than one means reports were pasted together. */
  documents = 0;
  private ignoredText = 0;
  /**
   * Where in the buffer to go on searching for the end of the record it starts with: the text before was searched by
   * the last scan (less {@link LOOKBEHIND}, for a tag split across chunks). Searching it again at every chunk would
   * make a record that never closes cost its size squared.
   */
  private searchedTo = 0;
  /** Chunks after `buffer` that cannot hold the end of the record it starts with; joined when one might. */
  private waiting: string[] = [];
  private waitingChars = 0;
  /** The last {@link LOOKBEHIND} characters of the buffer and the chunks waiting. */
  private waitingTail = '';

  constructor(
    private readonly sink: AggregateXmlSink,
    private readonly fileLabel: string,
  ) {}

  push(chunk: string): void {
    if (this.searchedTo > 0) {
      // Waiting for the end of the record the buffer starts with: a chunk that cannot hold it (nor, with the text just
      // before it, the end of a tag split between them) is only kept, not joined to the buffer and searched again.
      // The text before it is the end of all that came before, not of the last chunk alone: chunks of a few bytes
      // each split an end tag across several.
      // A `record` in the text before and the chunk lies in the chunk or ends within its first characters: searched
      // there, the chunk is not copied onto the text before it only to be searched.
      const before = this.waiting.length > 0 ? this.waitingTail : this.buffer.slice(-LOOKBEHIND);
      if (!chunk.includes('record') && !`${before}${chunk.slice(0, LOOKBEHIND)}`.includes('record')) {
        this.waitingTail =
          chunk.length >= LOOKBEHIND ? chunk.slice(-LOOKBEHIND) : `${before}${chunk}`.slice(-LOOKBEHIND);
        this.waiting.push(chunk);
        this.waitingChars += chunk.length;
        this.searchedTo = Math.max(0, this.buffer.length + this.waitingChars - LOOKBEHIND);
        if (this.buffer.length + this.waitingChars > MAX_ELEMENT_CHARS) {
          throw ReportFailure.of('too-large', 'report.recordTooLong', {
            file: this.fileLabel,
            limit: MAX_ELEMENT_CHARS,
          });
        }
        return;
      }
    }
    this.waiting.push(chunk);
    this.takeWaiting();
    this.scan(false);
  }

  /**
   * The buffer and the chunks kept while waiting for a record's end, joined, not concatenated: a concatenation is a
   * pair of strings that every character read goes through, even once V8 has flattened it; a join is one flat string,
   * read directly.
   */
  private takeWaiting(): void {
    this.buffer = [this.buffer, ...this.waiting].join('');
    this.waiting = [];
    this.waitingChars = 0;
  }

  end(): void {
    this.takeWaiting();
    this.scan(true);
    if (this.mode !== 'between') {
      this.warnings.add(reportText(this.mode === 'head' ? 'report.truncatedHead' : 'report.truncatedEnd'));
      this.finishDocument(this.buffer, this.consumed + this.buffer.length);
    }
    this.consumed += this.buffer.length;
    this.buffer = '';
  }

  private scan(final: boolean): void {
    let pos = 0;
    const buf = this.buffer;
    const searchedTo = this.searchedTo;
    this.searchedTo = 0;
    // The next </feedback> at or after `pos`, searched once per chunk rather than once per record: a report has one,
    // and rescanning the rest of the buffer for it after every record would make reading quadratic in the chunk size.
    let feedbackEnd: FoundTag | null | undefined;
    const nextFeedbackEnd = (): FoundTag | null => {
      if (feedbackEnd === undefined || (feedbackEnd !== null && feedbackEnd.index < pos)) {
        feedbackEnd = findTag(buf, 'feedback', Math.max(pos, searchedTo), 'end');
      }
      return feedbackEnd;
    };
    for (;;) {
      if (this.mode === 'between') {
        const start = findTag(buf, 'feedback', pos, 'start');
        if (!start) {
          const keep = final ? buf.length : Math.max(pos, buf.length - LOOKBEHIND);
          this.noteIgnored(buf.slice(pos, keep));
          pos = keep;
          break;
        }
        this.noteIgnored(buf.slice(pos, start.index));
        this.beginDocument(start.name, this.consumed + start.index);
        pos = start.index;
        continue;
      }
      if (this.mode === 'head') {
        const record = findTag(buf, 'record', pos, 'start');
        const end = nextFeedbackEnd();
        if (end && (!record || end.index < record.index)) {
          this.head += buf.slice(pos, end.index);
          this.startRecords();
          pos = end.end;
          this.finishDocument('', this.consumed + pos);
          continue;
        }
        if (record) {
          this.head += buf.slice(pos, record.index);
          this.startRecords();
          pos = record.index;
          continue;
        }
        const keep = final ? buf.length : Math.max(pos, buf.length - LOOKBEHIND);
        this.head += buf.slice(pos, keep);
        pos = keep;
        if (this.head.length > MAX_ELEMENT_CHARS) {
          throw ReportFailure.of('too-large', 'report.headTooLong', {
            file: this.fileLabel,
            limit: MAX_ELEMENT_CHARS,
          });
        }
        break;
      }
      // records
      const record = findTag(buf, 'record', pos, 'start');
      // An end tag before the record starts with a `<` before it: with none there (only blanks between records, as
      // nearly always), the </feedback> is not searched for.
      const end = record && buf.indexOf('<', pos) === record.index ? null : nextFeedbackEnd();
      if (end && (!record || end.index < record.index)) {
        this.noteBetweenRecords(buf, pos, end.index);
        pos = end.end;
        this.finishDocument('', this.consumed + pos);
        continue;
      }
      if (!record) {
        const keep = final ? pos : Math.max(pos, buf.length - LOOKBEHIND);
        this.noteBetweenRecords(buf, pos, keep);
        pos = keep;
        break;
      }
      // Records of the plain shape are read where they stand; the others are cut out for the tree path. Until the
      // batch has one of those, each record read is interpreted at once, into the one record object read into again.
      const first = this.declined.length === 0;
      const plain = this.refusal === undefined ? readPlainRecordAt(buf, record.index, first) : undefined;
      if (plain !== undefined) {
        const end = plainRecordEnd();
        this.noteBetweenRecords(buf, pos, record.index);
        if (first) {
          const read = readAggregateRecord(plain, this.current!.policy, this.readyWarnings);
          this.readyCount++;
          if (read !== undefined) this.ready.push(read);
        } else this.batch.push(plain);
        this.batchChars += end - record.index;
        if (this.batchChars >= BATCH_CHARS) this.flushBatch();
        pos = end;
        continue;
      }
      const close = findTag(buf, 'record', Math.max(record.index, searchedTo), 'end');
      if (!close) {
        if (buf.length - record.index > MAX_ELEMENT_CHARS) {
          throw ReportFailure.of('too-large', 'report.recordTooLong', {
            file: this.fileLabel,
            limit: MAX_ELEMENT_CHARS,
          });
        }
        pos = record.index;
        this.searchedTo = Math.max(0, buf.length - pos - LOOKBEHIND);
        break;
      }
      this.noteBetweenRecords(buf, pos, record.index);
      this.batch.push(undefined);
      this.declined.push(buf.slice(record.index, close.end));
      this.batchChars += close.end - record.index;
      if (this.batchChars >= BATCH_CHARS) this.flushBatch();
      pos = close.end;
    }
    this.buffer = buf.slice(pos);
    this.consumed += pos;
  }

  private noteIgnored(textOutside: string): void {
    this.refuseDtd(textOutside);
    this.ignoredText += countIgnoredText(textOutside);
  }

  /** Warns of an element between records: a `<` and a letter between `from` and `to` of `text`. */
  private noteBetweenRecords(text: string, from: number, to: number): void {
    for (let lt = text.indexOf('<', from); lt !== -1 && lt + 1 < to; lt = text.indexOf('<', lt + 1)) {
      const c = text.charCodeAt(lt + 1) | 32;
      if (c >= 97 && c <= 122) {
        this.warnings.add(reportText('report.elementsBetweenRecords'));
        return;
      }
    }
  }

  private beginDocument(feedbackTag: string, start: number): void {
    this.mode = 'head';
    this.documentStart = start;
    this.head = '';
    this.feedbackTag = feedbackTag;
    this.documents++;
    this.current = undefined;
    this.recordCount = 0;
    this.warnings = new WarningSet();
    if (this.ignoredText > 0) {
      this.warnings.add(reportText('report.ignoredText', { count: this.ignoredText }));
      this.ignoredText = 0;
    }
  }

  /** Parse the head now that it is complete: records need its alignment modes. */
  private startRecords(): void {
    this.mode = 'records';
    const xml = `${this.head}</${this.feedbackTag}>`;
    const tree = this.parse(xml, 'report.part.head');
    const feedback = findElement(tree, 'feedback') ?? tree;
    const namespace = /\sxmlns(?::[\w.-]+)?\s*=\s*["']([^"']+)["']/.exec(this.head.slice(0, 2000))?.[1];
    const head: AggregateHead = {
      kind: 'aggregate',
      // Metadata and policy are searched below feedback too: a missing </report_metadata> nests policy_published.
      metadata: toMetadata(
        child(feedback, 'report_metadata') ?? findElement(feedback, 'report_metadata'),
        this.warnings,
      ),
      policy: toPolicyPublished(
        child(feedback, 'policy_published') ?? findElement(feedback, 'policy_published'),
        this.warnings,
      ),
    };
    const version = text(child(feedback, 'version'));
    if (version !== '') head.version = version;
    if (namespace) head.namespace = namespace;
    const extension = child(feedback, 'extension');
    if (typeof extension === 'object' && !Array.isArray(extension)) head.extension = extension;
    // A report whose dates cannot be believed is in no total: refused, named with its file.
    const refusal = dateRangeProblem(head.metadata);
    if (refusal !== undefined) {
      this.refusal = ReportFailure.of('malformed', 'report.refusedIn', { file: this.fileLabel, refusal });
      if (!this.sink.onReportRefused) throw this.refusal;
      return;
    }
    this.current = head;
    this.sink.onHead(head);
  }

  private finishDocument(remainder: string, end: number): void {
    if (this.mode === 'head') {
      this.head += remainder;
      this.startRecords();
    } else if (remainder.trim() !== '') {
      // Truncated inside a record: keep what can be read if it names a source and a count, after the records before
      // it, so that they keep the file's order.
      this.flushBatch();
      const repaired = repairXml(remainder);
      const salvaged = this.recordsOf(this.parse(repaired.xml, 'report.part.truncatedRecord')).filter(
        (r) => text(child(child(r, 'row'), 'source_ip')) !== '' && text(child(child(r, 'row'), 'count')) !== '',
      );
      if (salvaged.length) {
        this.emit(salvaged.map(recordTextOf), { records: [], count: 0, warnings: [] });
        this.warnings.add(reportText('report.keptTruncatedRecord'));
      } else this.warnings.add(reportText('report.droppedIncompleteRecord'));
    }
    this.flushBatch();
    if (this.refusal !== undefined) this.sink.onReportRefused?.(this.refusal);
    else if (this.current) this.sink.onReportEnd(this.current, this.warnings.list(), this.documentStart, end);
    this.refusal = undefined;
    this.mode = 'between';
    this.current = undefined;
  }

  private flushBatch(): void {
    if (this.batch.length === 0 && this.readyCount === 0) return;
    const batch = this.batch;
    const declined = this.declined;
    const ready = this.ready;
    const readyCount = this.readyCount;
    const readyWarnings = this.readyWarnings;
    this.batch = [];
    this.declined = [];
    this.ready = [];
    this.readyCount = 0;
    this.readyWarnings = new WarningList();
    this.batchChars = 0;
    // A refused report's records are not read at all.
    if (this.refusal !== undefined) return;
    const done = { records: ready, count: readyCount, warnings: readyWarnings.list };
    if (declined.length === 0) {
      this.emit(batch as RecordText[], done);
      return;
    }
    // Only the records not of the plain shape (an extension, a misspelling, damage) are parsed as a tree, together, so
    // one such record costs itself, not its batch.
    const records = this.recordsOf(this.parse(`<b>${declined.join('')}</b>`, 'report.part.records'));
    let next = 0;
    if (records.length === declined.length) {
      this.emit(
        batch.map((r) => r ?? recordTextOf(records[next++]!)),
        done,
      );
      return;
    }
    // A damaged record swallowed or split its neighbours: read each on its own, in the batch's order.
    this.emit(
      batch.flatMap((read) =>
        read !== undefined
          ? [read]
          : this.recordsOf(this.parse(declined[next++]!, 'report.part.record')).map(recordTextOf),
      ),
      done,
    );
  }

  /**
   * Hands on a batch: `done` are the records of its start already interpreted (from `count` records, with `warnings`),
   * `texts` the rest. Warnings come in the order they would had the whole batch been interpreted here, after its tree
   * parse.
   */
  private emit(texts: RecordText[], done: { records: AggregateRecord[]; count: number; warnings: string[] }): void {
    if (this.refusal !== undefined) return;
    const head = this.current!;
    this.recordCount += done.count + texts.length;
    if (this.recordCount > MAX_RECORDS_PER_REPORT) {
      throw ReportFailure.of('too-large', 'report.tooManyRecords', {
        file: this.fileLabel,
        limit: MAX_RECORDS_PER_REPORT,
      });
    }
    for (const warning of done.warnings) this.warnings.add(warning);
    const records =
      texts.length === 0 ? done.records : done.records.concat(toAggregateRecords(texts, head.policy, this.warnings));
    // A batch whose records were all left out is not handed on: consumers see batches of records only.
    if (records.length > 0) this.sink.onRecords(records, head);
  }

  /** The `<record>` elements of a parsed batch (wrapped in `<b>`) or of a single record. */
  private recordsOf(tree: XmlNode): XmlNode[] {
    return children(child(tree, 'b') ?? tree, 'record');
  }

  private refuseDtd(text: string): void {
    if (DTD.test(text)) {
      throw ReportFailure.of('malformed', 'report.dtd', { file: this.fileLabel });
    }
  }

  private parse(xml: string, what: PlainReportKey): XmlNode {
    // Plain well-formed XML (nearly every report) is read by the fast path; a DTD is never plain, so it is refused below.
    const plain = readWellFormedXml(xml);
    if (plain !== undefined) return plain;
    this.refuseDtd(xml);
    let source = xml;
    if (looksDamaged(source)) {
      const repaired = repairXml(source);
      source = repaired.xml;
      const part = plainReportText(what);
      for (const repair of repaired.repairs) this.warnings.add(reportText('report.repaired', { part, repair }));
    }
    try {
      return xmlParser.parse(source) as XmlNode;
    } catch (error) {
      this.warnings.add(
        reportText('report.unreadableXml', {
          part: plainReportText(what),
          error: error instanceof Error ? error.message : String(error),
        }),
      );
      return {};
    }
  }
}
