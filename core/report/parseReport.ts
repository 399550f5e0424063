// Bytes in, typed reports out. The container is sniffed from content at every layer (gzip, zip, email, mbox, XML,
// JSON), decompression and XML parsing stream chunk by chunk, and every oddity recovered from becomes a warning.
// Untrusted input never throws from here: the result is `{ok: true, reports}` or `{ok: false, error: {code, message}}`.
import { Gunzip, Inflate } from 'fflate';
import PostalMime, { type Email } from 'postal-mime';
import { AggregateXmlReader, type AggregateHead } from './AggregateXmlReader';
import {
  MAX_DECOMPRESSED_BYTES,
  MAX_EMAIL_BYTES,
  HELD_INPUT_SLICE,
  INPUT_SLICE,
  MAX_EXPANSION_RATIO,
  MAX_INPUT_BYTES,
  MAX_JSON_BYTES,
  MAX_MESSAGES_PER_FILE,
  MAX_MIME_BOUNDARY_LINES,
  MAX_NESTING_DEPTH,
  MAX_REPORTS_PER_FILE,
  MAX_XML_TEXT_CHARS,
  RATIO_CHECK_FLOOR,
  STREAM_COPY_MAX_BYTES,
} from './limits';
import { gunzipWhole, gzipHeaderLength } from './inflateWhole';
import { borrowInflater, returnInflater, type InflateStream } from './inflateStream';
import { parseFailureReport } from './parseFailureReport';
import { parseTlsReport } from './parseTlsReport';
import { isZipNoise, readZipEntries } from './readZipEntries';
import { ReportFailure } from './ReportFailure';
import { SNIFF_BYTES, sniffContainer, type ContainerKind } from './sniffContainer';
import { plainReportText, reportText, type PlainReportKey } from './reportMessages';
import type {
  AggregateRecord,
  AggregateReport,
  ParsedReport,
  ParseResult,
  ReportError,
  ReportErrorCode,
  ReportPath,
} from './types';
import { XmlTextDecoder } from './XmlTextDecoder';
import { concatBytes } from './concatBytes';

export interface ParseOptions {
  /** Shown in messages and the first element of every report's path. */
  fileName?: string;
  /** Checked between chunks; an aborted parse ends with the `aborted` error. */
  signal?: { readonly aborted: boolean };
  /** Aggregate records as they stream, batch by batch (for consumers that store or total them as they come). */
  onRecords?: (records: AggregateRecord[], head: AggregateHead, path: ReportPath) => void;
  /**
   * Keep aggregate records in the returned reports (default true). With false, records only reach `onRecords` and the
   * result's reports carry `stats` alone: how a 1 GB report is read in flat memory.
   */
  retainRecords?: boolean;
  /**
   * The decoded XML text of each aggregate report, once its document has been read (for showing the raw report, see
   * readReportXml): the whole text when the report is alone in its file or member, else its own `<feedback` …
   * `</feedback>`. Not called for reports whose file or member decodes to more than {@link MAX_XML_TEXT_CHARS} characters.
   */
  onAggregateXml?: (xml: string, report: ParsedReport) => void;
  /**
   * Each report (aggregate, failure or TLS) as soon as it is complete, in reading order, before reading goes on. A
   * streamed aggregate report whose head and records came but which never reaches this point was cut off (a damaged
   * archive member, a truncated attachment): a consumer that writes records as they stream must drop it. A report
   * handed over here is whole even when the file fails later on.
   */
  onReportEnd?: (report: ParsedReportWithStats) => void;
}

export interface ReportStats {
  records: number;
  messages: number;
}

export type ParsedReportWithStats = ParsedReport & { stats?: ReportStats };

interface Problem {
  path: ReportPath;
  code: ReportErrorCode;
  message: string;
}

/** Errors that say more than "this is not a report" win when a file yields nothing. */
const PROBLEM_WEIGHT: Record<ReportErrorCode, number> = {
  aborted: 9,
  'too-large': 8,
  encrypted: 7,
  'corrupt-archive': 6,
  malformed: 5,
  unsupported: 4,
  'not-a-report': 2,
  empty: 1,
};

class ReadContext {
  readonly reports: ParsedReportWithStats[] = [];
  readonly problems: Problem[] = [];
  readonly warnings: string[] = [];
  /** Emails and mboxes found while reading synchronously, read one after another once the synchronous part is done. */
  private deferred: DeferredRead[] = [];
  private decompressed = 0;
  /**
   * Buffers held whole in memory for the whole synchronous read (the input of parseReport, an attachment, a zip): a
   * decompressor reading views of one of them can read its input again from any point (GzipStream).
   */
  readonly held = new WeakSet<ArrayBufferLike>();

  constructor(
    readonly label: string,
    /** Input bytes read so far: the whole input for parseReport, growing chunk by chunk for parseReportStream. */
    public inputBytes: number,
    readonly options: ParseOptions,
  ) {}

  /**
   * Reading that must wait for the synchronous walk to finish (MIME parsing is asynchronous). It is started only when
   * its turn comes, so that one message at a time is parsed and held: an mbox of a million messages, each started at
   * once, held them all and ran out of memory.
   */
  defer(read: DeferredRead): void {
    this.deferred.push(read);
  }

  /** Runs `walk`, which may defer reads, and returns what it deferred instead of queueing it for {@link settle}. */
  collectDeferred(walk: () => void): DeferredRead[] {
    const outer = this.deferred;
    this.deferred = [];
    try {
      walk();
      return this.deferred;
    } finally {
      this.deferred = outer;
    }
  }

  /** Runs every deferred read in order, each to its end before the next; a failure that escapes one ends the input. */
  async settle(): Promise<void> {
    while (this.deferred.length) {
      const reads = this.deferred;
      this.deferred = [];
      for (const read of reads) await read();
    }
  }

  checkAborted(): void {
    if (this.options.signal?.aborted) throw ReportFailure.of('aborted', 'report.cancelled', { file: this.label });
  }

  /** Whether `bytes` more decompressed bytes stay within the limits {@link countDecompressed} enforces. */
  readonly allowsDecompressed = (bytes: number): boolean => {
    const total = this.decompressed + bytes;
    return (
      total <= MAX_DECOMPRESSED_BYTES && (total <= RATIO_CHECK_FLOOR || total <= this.inputBytes * MAX_EXPANSION_RATIO)
    );
  };

  /** Every decompressed byte passes here: the size and ratio limits stop gzip and zip bombs (RFC 9990 §7). */
  countDecompressed(bytes: number): void {
    this.decompressed += bytes;
    if (this.decompressed > MAX_DECOMPRESSED_BYTES) {
      throw ReportFailure.of('too-large', 'report.expandsOverLimit', {
        file: this.label,
        limit: MAX_DECOMPRESSED_BYTES / 2 ** 30,
      });
    }
    if (this.decompressed > RATIO_CHECK_FLOOR && this.decompressed > this.inputBytes * MAX_EXPANSION_RATIO) {
      throw ReportFailure.of('too-large', 'report.expansionRatio', { file: this.label, ratio: MAX_EXPANSION_RATIO });
    }
  }

  addReport(report: ParsedReportWithStats): void {
    if (this.reports.length >= MAX_REPORTS_PER_FILE) {
      throw ReportFailure.of('too-large', 'report.tooManyReports', { file: this.label, limit: MAX_REPORTS_PER_FILE });
    }
    this.reports.push(report);
    this.options.onReportEnd?.(report);
  }

  problem(path: ReportPath, failure: ReportFailure): void {
    if (failure.fatal) throw failure;
    this.problems.push({ path, code: failure.code, message: failure.message });
  }
}

/** Reading deferred until its turn (see ReadContext.defer). */
type DeferredRead = () => Promise<void>;

/** A sink for one document's bytes, whatever its kind turns out to be. */
interface ByteSink {
  /**
   * The chunk's bytes are the sink's to read during the call only: a decompressor hands over views of the buffer it
   * reuses (InflateStream), so a sink that keeps bytes past the call keeps a copy (see {@link keptBytes}).
   */
  push(chunk: Uint8Array): void;
  end(): void;
}

/** `chunk` as a sink may keep it past its push: itself when it is a view of input held whole, else a copy. */
function keptBytes(ctx: ReadContext, chunk: Uint8Array): Uint8Array {
  return ctx.held.has(chunk.buffer) ? chunk : chunk.slice();
}

function describePath(path: ReportPath): string {
  return path.join(' › ');
}

/**
 * One document (the input, a decompressed layer, an archive member or an attachment): buffers the first bytes, sniffs
 * what they are, then streams the rest to the matching reader.
 */
class DocumentStream implements ByteSink {
  private head: Uint8Array | undefined;
  private sink: ByteSink | undefined;

  constructor(
    private readonly ctx: ReadContext,
    private readonly path: ReportPath,
    private readonly depth: number,
  ) {
    if (depth > MAX_NESTING_DEPTH) {
      throw ReportFailure.of('too-large', 'report.nestedTooDeep', {
        where: describePath(path),
        limit: MAX_NESTING_DEPTH,
      });
    }
  }

  push(chunk: Uint8Array): void {
    if (this.sink) return this.sink.push(chunk);
    this.head = this.head ? concatBytes([this.head, chunk]) : chunk;
    if (this.head.length >= SNIFF_BYTES) this.start();
    else if (this.head === chunk) this.head = keptBytes(this.ctx, chunk);
  }

  end(): void {
    if (!this.sink) this.start();
    this.sink!.end();
  }

  private start(): void {
    const head = this.head ?? new Uint8Array(0);
    this.head = undefined;
    const { kind, detail } = sniffContainer(head.subarray(0, SNIFF_BYTES));
    this.sink = this.sinkFor(kind, detail);
    if (head.length) this.sink.push(head);
  }

  private sinkFor(kind: ContainerKind, detail: PlainReportKey | undefined): ByteSink {
    const where = describePath(this.path);
    switch (kind) {
      case 'gzip':
        return new GzipStream(this.ctx, new DocumentStream(this.ctx, this.path, this.depth + 1), where);
      case 'xml':
        return new XmlStream(this.ctx, this.path);
      case 'zip':
        return new BufferedDocument(this.ctx, where, MAX_INPUT_BYTES, (bytes) =>
          readZip(this.ctx, bytes, this.path, this.depth),
        );
      case 'json':
        return new BufferedDocument(this.ctx, where, MAX_JSON_BYTES, (bytes) => readJson(this.ctx, bytes, this.path));
      case 'email':
        return new BufferedDocument(this.ctx, where, MAX_EMAIL_BYTES, (bytes) => {
          this.ctx.defer(() => readEmail(this.ctx, bytes, this.path, this.depth));
        });
      case 'mbox':
        return new BufferedDocument(this.ctx, where, MAX_INPUT_BYTES, (bytes) => {
          this.ctx.defer(() => readMbox(this.ctx, bytes, this.path, this.depth));
        });
      case 'unused':
        return refuse(this.ctx, this.path, ReportFailure.of('empty', 'report.unused', { where }));
      case 'empty':
        return refuse(this.ctx, this.path, ReportFailure.of('empty', 'report.emptyFile', { where }));
      case 'pgp':
        return refuse(this.ctx, this.path, ReportFailure.of('encrypted', 'report.pgp', { where }));
      case 'binary':
        return refuse(
          this.ctx,
          this.path,
          ReportFailure.of('not-a-report', 'report.binary', {
            where,
            part: plainReportText(detail ?? 'report.kind.binary'),
          }),
        );
      case 'text':
        return refuse(this.ctx, this.path, ReportFailure.of('not-a-report', 'report.plainText', { where }));
    }
  }
}

/** Records why a document was not read and swallows its bytes. */
function refuse(ctx: ReadContext, path: ReportPath, failure: ReportFailure): ByteSink {
  ctx.problem(path, failure);
  return { push() {}, end() {} };
}

/** Collects a whole document (formats read in one piece: zip directory, JSON, MIME) up to a size limit. */
class BufferedDocument implements ByteSink {
  private chunks: Uint8Array[] = [];
  private size = 0;

  constructor(
    private readonly ctx: ReadContext,
    private readonly where: string,
    private readonly limit: number,
    private readonly onComplete: (bytes: Uint8Array) => void,
  ) {}

  push(chunk: Uint8Array): void {
    this.size += chunk.length;
    if (this.size > this.limit)
      throw ReportFailure.of('too-large', 'report.largerThan', { where: this.where, limit: this.limit / 2 ** 20 });
    this.chunks.push(keptBytes(this.ctx, chunk));
  }

  end(): void {
    const bytes = concatBytes(this.chunks);
    this.chunks = [];
    this.onComplete(bytes);
  }
}

/**
 * Hands over what `inflater` produced since the last hand-over, at a point where fflate's streaming inflate would hand
 * over the same output in one chunk: counted against the limits first (which throw past them), then passed to `sink`.
 * Its size.
 */
function handOver(ctx: ReadContext, inflater: InflateStream, sink: (chunk: Uint8Array) => void): number {
  const bytes = inflater.pending;
  const output = inflater.take();
  if (bytes === 0) return 0;
  ctx.countDecompressed(bytes);
  sink(output);
  return bytes;
}

/** An fflate output callback that skips the first `skip` bytes (already handed over) before passing output on. */
function skipping(skip: number, emit: (chunk: Uint8Array) => void): (chunk: Uint8Array) => void {
  return (chunk) => {
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      skip -= n;
      if (n === chunk.length) return;
      chunk = chunk.subarray(n);
    }
    emit(chunk);
  };
}

/**
 * RFC 1952 gzip, several members in a row allowed; bytes after the last member (Mimecast) are ignored with a warning.
 * Input held whole in memory (see ReadContext.held) is read by InflateStream, whose output is handed over where
 * fflate's Gunzip would hand over the same output (the end of each slice of HELD_INPUT_SLICE and of each member),
 * so that its buffer holds one small slice's output. Input arriving in pieces is inflated in one call when a piece is
 * one whole member (gunzipWhole); otherwise it is copied into one buffer as it arrives (up to STREAM_COPY_MAX_BYTES,
 * past which fflate reads it) and read by InflateStream the same way, handing over at the end of each slice of
 * INPUT_SLICE and of each member, as fflate's Gunzip would.
 * Anything InflateStream does not read as a valid stream (damage, truncation, bytes after the last member) goes to an
 * fflate Gunzip given every slice since the first, which skips the output already handed over: so every input gives
 * exactly what fflate's Gunzip alone gives, chunk boundaries aside.
 */
class GzipStream implements ByteSink {
  private gunzip: Gunzip | undefined;
  private produced = 0;
  private ignoringRest = false;
  /** The decoder, borrowed at the first slice and given back at the end or when fflate takes over. */
  private inflater: InflateStream | undefined;
  /**
   * Reading with InflateStream: the slices since it started, views of one buffer, one after another: the input held
   * whole, or (`copied`) the buffer that input arriving in pieces is copied into.
   */
  private fast:
    | {
        slices: Uint8Array[];
        source: ArrayBufferLike;
        copied: boolean;
        base: number;
        total: number;
        /** Where the member being read starts, and its DEFLATE data (-1 while its header is read), from `base`. */
        memberStart: number;
        dataStart: number;
        /** Whether a member has been started (the decoder then holds its state). */
        started: boolean;
        handedOver: number;
      }
    | undefined;

  constructor(
    private readonly ctx: ReadContext,
    private readonly inner: ByteSink,
    private readonly where: string,
  ) {}

  private readonly emit = (data: Uint8Array): void => {
    this.produced += data.length;
    this.ctx.countDecompressed(data.length);
    this.inner.push(data);
  };

  private readonly pushInner = (data: Uint8Array): void => this.inner.push(data);

  push(chunk: Uint8Array): void {
    // Input not held keeps large slices: a slice that is one whole member is inflated in one call (gunzipWhole).
    const size = this.ctx.held.has(chunk.buffer) ? HELD_INPUT_SLICE : INPUT_SLICE;
    for (let at = 0; at < chunk.length; at += size) {
      this.ctx.checkAborted();
      this.feed(chunk.subarray(at, at + size), false);
    }
  }

  end(): void {
    this.feed(new Uint8Array(0), true);
    this.giveBack();
    this.inner.end();
  }

  private giveBack(): void {
    if (this.inflater) returnInflater(this.inflater);
    this.inflater = undefined;
  }

  private feed(slice: Uint8Array, final: boolean): void {
    if (this.ignoringRest) return;
    try {
      this.inflate(slice, final);
    } catch (error) {
      if (error instanceof ReportFailure) throw error;
      const code = (error as { code?: number }).code;
      // fflate code 6 is a bad gzip header: after a complete member that means trailing garbage, not corruption.
      if (code === 6 && this.produced > 0) {
        this.ctx.warnings.push(reportText('report.gzipTrailing', { where: this.where }));
        this.ignoringRest = true;
        return;
      }
      if (code === 0) throw ReportFailure.of('corrupt-archive', 'report.gzipTruncated', { where: this.where });
      throw ReportFailure.of('corrupt-archive', 'report.gzipDamaged', {
        where: this.where,
        error: (error as Error).message,
      });
    }
  }

  private inflate(slice: Uint8Array, final: boolean): void {
    if (this.gunzip) return this.gunzip.push(slice, final);
    if (!this.fast) {
      // A Gunzip's final push between members flushes one empty chunk.
      if (final && slice.length === 0) return this.emit(slice);
      this.inflater ??= borrowInflater(this.ctx.allowsDecompressed);
      const held = this.ctx.held.has(slice.buffer);
      // A full slice was cut from a longer piece, so more input follows it: it is seldom one whole member, and trying
      // would inflate it twice.
      if (!held && slice.length < INPUT_SLICE) {
        const whole = gunzipWhole(this.inflater, slice, this.ctx.allowsDecompressed);
        if (whole) return this.emit(whole);
      }
      this.fast = {
        slices: [],
        source: held ? slice.buffer : new ArrayBuffer(0),
        copied: !held,
        base: held ? slice.byteOffset : 0,
        total: 0,
        memberStart: 0,
        dataStart: -1,
        started: false,
        handedOver: 0,
      };
    }
    const fast = this.fast;
    if (slice.length) {
      // Input arriving in pieces is read from its copy; a slice past the copy's limit stays where it is, so it does not
      // follow on from the slices before it, and fflate reads them all again, as for held input that does not.
      if (fast.copied) slice = this.copyIn(slice) ?? slice;
      fast.slices.push(slice);
      if (slice.buffer !== fast.source || slice.byteOffset !== fast.base + fast.total) return this.readAgain(final);
      fast.total += slice.length;
    }
    if (!this.readMembers(final)) return this.readAgain(final);
    this.handOver();
  }

  /**
   * `slice` copied after the input copied before it, into a buffer grown as needed (the slices before it moved along),
   * or undefined when that would pass STREAM_COPY_MAX_BYTES.
   */
  private copyIn(slice: Uint8Array): Uint8Array | undefined {
    const fast = this.fast!;
    const end = fast.total + slice.length;
    if (end > STREAM_COPY_MAX_BYTES) return undefined;
    if (end > fast.source.byteLength) {
      const grown = new ArrayBuffer(Math.min(STREAM_COPY_MAX_BYTES, Math.max(end, 2 * fast.source.byteLength)));
      new Uint8Array(grown).set(new Uint8Array(fast.source, 0, fast.total));
      fast.slices = fast.slices.map((s) => new Uint8Array(grown, s.byteOffset, s.length));
      fast.source = grown;
    }
    const copy = new Uint8Array(fast.source, fast.total, slice.length);
    copy.set(slice);
    return copy;
  }

  private handOver(): void {
    const fast = this.fast!;
    if (!fast.started) return;
    // As the fflate path counts it (`emit`), before the limits are checked.
    this.produced += this.inflater!.pending;
    fast.handedOver += handOver(this.ctx, this.inflater!, this.pushInner);
  }

  /** Reads on with InflateStream as far as the input goes; false when fflate must read it instead. */
  private readMembers(final: boolean): boolean {
    const fast = this.fast!;
    const inflater = this.inflater!;
    const view = (from: number) => new Uint8Array(fast.source, fast.base + from, fast.total - from);
    for (;;) {
      if (fast.dataStart < 0) {
        const available = fast.total - fast.memberStart;
        // Between members: at the end of the input that is the end of the file; a trailer cut short is fflate's.
        if (available === 0 && fast.started) return true;
        if (available < 0) return !final;
        const head = view(fast.memberStart);
        if (available >= 3 && (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8)) return false;
        const headerLength = gzipHeaderLength(head);
        if (headerLength === undefined) return !final;
        fast.dataStart = fast.memberStart + headerLength;
        inflater.reset(this.ctx.allowsDecompressed);
        fast.started = true;
      }
      const status = inflater.run(view(fast.dataStart));
      if (status !== 'done') return status === 'more' && !final;
      // The member's end is where fflate hands over its last output, before it reads the next member.
      this.handOver();
      fast.memberStart = fast.dataStart + inflater.end + 8;
      fast.dataStart = -1;
    }
  }

  /** Hands the input read so far to an fflate Gunzip, which skips the output already handed over, and reads on. */
  private readAgain(final: boolean): void {
    const fast = this.fast!;
    this.giveBack();
    this.fast = undefined;
    this.gunzip = new Gunzip(skipping(fast.handedOver, this.emit));
    for (const slice of fast.slices) this.gunzip.push(slice, false);
    if (final) this.gunzip.push(new Uint8Array(0), true);
  }
}

/**
 * Bytes of XML decoded into one piece of text: under V8's largest regular object (128 KiB) even when every character
 * takes two bytes, since a larger string becomes a large object.
 */
const TEXT_PIECE_BYTES = 32 * 1024;

/** Aggregate report XML: decoded and split into records as it streams. */
class XmlStream implements ByteSink {
  private readonly decoder = new XmlTextDecoder();
  private readonly reader: AggregateXmlReader;
  private readonly started: ParsedReportWithStats[] = [];
  private current: ParsedReportWithStats | undefined;
  /** The decoded text so far, kept only for `onAggregateXml` and dropped past MAX_XML_TEXT_CHARS. */
  private text: string[] | undefined;
  private textChars = 0;
  /** Where each started report's document lies in the text. */
  private readonly spans: Array<[start: number, end: number]> = [];

  constructor(
    private readonly ctx: ReadContext,
    private readonly path: ReportPath,
  ) {
    const retain = ctx.options.retainRecords !== false;
    if (ctx.options.onAggregateXml) this.text = [];
    this.reader = new AggregateXmlReader(
      {
        onHead: (head) => {
          const report: AggregateReport = Object.assign({}, head, { records: [] });
          this.current = { report, warnings: [], path, stats: { records: 0, messages: 0 } };
          this.started.push(this.current);
        },
        onRecords: (records, head) => {
          const current = this.current!;
          if (retain) (current.report as AggregateReport).records.push(...records);
          current.stats!.records += records.length;
          for (const r of records) current.stats!.messages += r.count;
          ctx.options.onRecords?.(records, head, path);
        },
        onReportRefused: (refusal) => ctx.problem(path, refusal),
        onReportEnd: (_head, warnings, start, end) => {
          const current = this.current!;
          this.spans.push([start, end]);
          current.warnings.push(...warnings);
          if (!retain) (current.report as AggregateReport).records = [];
          ctx.addReport(current);
          this.current = undefined;
        },
      },
      describePath(path),
    );
  }

  push(chunk: Uint8Array): void {
    // A decompressor hands over a whole member or megabytes at once. Decoded whole, such a chunk is one string past
    // V8's largest regular object, which the reader (slicing records out of it) reads far more slowly than the same
    // text in small pieces (docs/benchmarks.md).
    for (let at = 0; at < chunk.length; at += TEXT_PIECE_BYTES) {
      this.ctx.checkAborted();
      const text = this.decoder.push(chunk.subarray(at, at + TEXT_PIECE_BYTES));
      if (text) this.read(text);
    }
  }

  end(): void {
    this.read(this.decoder.end());
    this.reader.end();
    const notes = [...this.decoder.notes];
    if (this.decoder.invalidSequences > 0) {
      notes.push(
        reportText('report.invalidSequences', {
          count: this.decoder.invalidSequences,
          encoding: this.decoder.encoding,
        }),
      );
    }
    if (this.reader.documents > 1) notes.push(reportText('report.pastedReports', { count: this.reader.documents }));
    for (const report of this.started) report.warnings.unshift(...notes);
    if (this.reader.documents === 0) {
      this.ctx.problem(
        this.path,
        ReportFailure.of('not-a-report', 'report.noFeedback', { where: describePath(this.path) }),
      );
    }
    this.handOverText();
  }

  private read(text: string): void {
    if (this.text) {
      this.textChars += text.length;
      if (this.textChars > MAX_XML_TEXT_CHARS) this.text = undefined;
      else this.text.push(text);
    }
    this.reader.push(text);
  }

  private handOverText(): void {
    if (!this.text) return;
    const whole = this.text.join('');
    this.text = undefined;
    this.started.forEach((report, n) => {
      const [start, end] = this.spans[n]!;
      this.ctx.options.onAggregateXml!(this.started.length === 1 ? whole : whole.slice(start, end), report);
    });
  }
}

function pushInSlices(ctx: ReadContext, sink: ByteSink, bytes: Uint8Array): void {
  ctx.held.add(bytes.buffer);
  for (let at = 0; at < bytes.length; at += INPUT_SLICE) {
    ctx.checkAborted();
    sink.push(bytes.subarray(at, at + INPUT_SLICE));
  }
  sink.end();
}

/** Runs `read` for one archive member or attachment; a failure there is recorded and the others still read. */
function readPart(ctx: ReadContext, path: ReportPath, read: () => void): void {
  try {
    read();
  } catch (error) {
    if (error instanceof ReportFailure) ctx.problem(path, error);
    else throw error;
  }
}

/**
 * A zip member's DEFLATE data inflated slice by slice, its output handed to `sink` after each slice, counted against
 * the limits first (where fflate's Inflate, pushed the same slices, hands over its output). Read by InflateStream;
 * anything it does not read as a valid stream is read by fflate from the start, skipping the output already handed
 * over, so that every member gives exactly what fflate gives.
 */
function inflateInSlices(ctx: ReadContext, data: Uint8Array, sink: (chunk: Uint8Array) => void): void {
  const emit = (chunk: Uint8Array): void => {
    ctx.countDecompressed(chunk.length);
    sink(chunk);
  };
  if (data.length === 0) return inflateWithFflate(ctx, data, emit);
  const inflater = borrowInflater(ctx.allowsDecompressed);
  let handedOver = 0;
  for (let end = HELD_INPUT_SLICE; ; end += HELD_INPUT_SLICE) {
    ctx.checkAborted();
    const final = end >= data.length;
    const status = inflater.run(data.subarray(0, end));
    if (status === 'bad' || (status === 'more' && final)) {
      returnInflater(inflater);
      return inflateWithFflate(ctx, data, skipping(handedOver, emit));
    }
    handedOver += handOver(ctx, inflater, sink);
    if (final) return returnInflater(inflater);
  }
}

function inflateWithFflate(ctx: ReadContext, data: Uint8Array, emit: (chunk: Uint8Array) => void): void {
  const inflate = new Inflate(emit);
  for (let at = 0; at < data.length; at += HELD_INPUT_SLICE) {
    ctx.checkAborted();
    inflate.push(data.subarray(at, at + HELD_INPUT_SLICE), at + HELD_INPUT_SLICE >= data.length);
  }
  if (data.length === 0) inflate.push(data, true);
}

function readZip(ctx: ReadContext, zip: Uint8Array, path: ReportPath, depth: number): void {
  const entries = readZipEntries(zip, describePath(path));
  for (const entry of entries) {
    if (isZipNoise(entry.name)) continue;
    const memberPath = [...path, entry.name];
    readPart(ctx, memberPath, () => {
      const where = describePath(memberPath);
      if (entry.encrypted) throw ReportFailure.of('encrypted', 'report.zipEncrypted', { where });
      const data = zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
      const document = new DocumentStream(ctx, memberPath, depth + 1);
      if (entry.method === 0) {
        ctx.countDecompressed(data.length);
        return pushInSlices(ctx, document, data);
      }
      if (entry.method !== 8)
        throw ReportFailure.of('unsupported', 'report.zipMethod', { where, method: String(entry.method) });
      try {
        inflateInSlices(ctx, data, (chunk) => document.push(chunk));
      } catch (error) {
        if (error instanceof ReportFailure) throw error;
        throw ReportFailure.of('corrupt-archive', 'report.zipMemberDamaged', {
          where,
          error: (error as Error).message,
        });
      }
      document.end();
    });
  }
}

function readJson(ctx: ReadContext, bytes: Uint8Array, path: ReportPath): void {
  const where = describePath(path);
  const outcome = parseTlsReport(new TextDecoder('utf-8').decode(bytes));
  if (!outcome.ok) throw ReportFailure.of('not-a-report', 'report.notTls', { where, reason: outcome.reason });
  ctx.addReport({ report: outcome.report, warnings: outcome.warnings, path });
}

/** Where the next message of an mbox starts: a line beginning `From ` (RFC 4155) at or after `from`, or -1. */
function nextMessageStart(bytes: Uint8Array, from: number): number {
  let line = from === 0 || bytes[from - 1] === 0x0a ? from : bytes.indexOf(0x0a, from) + 1 || -1;
  while (line !== -1 && line < bytes.length) {
    if (
      bytes[line] === 0x46 &&
      bytes[line + 1] === 0x72 &&
      bytes[line + 2] === 0x6f &&
      bytes[line + 3] === 0x6d &&
      bytes[line + 4] === 0x20
    ) {
      return line;
    }
    line = bytes.indexOf(0x0a, line) + 1 || -1;
  }
  return -1;
}

/**
 * RFC 4155 mbox: messages start at lines beginning `From ` (after the first, preceded by an empty line). Each message is
 * found and read to its end before the next is looked for, and at most MAX_MESSAGES_PER_FILE are read.
 */
async function readMbox(ctx: ReadContext, bytes: Uint8Array, path: ReportPath, depth: number): Promise<void> {
  let n = 0;
  for (let start = nextMessageStart(bytes, 0); start !== -1;) {
    const next = nextMessageStart(bytes, start + 1);
    if (++n > MAX_MESSAGES_PER_FILE) {
      // Not fatal: the reports of the messages read are kept, and the warning says the rest were not read.
      const failure = ReportFailure.partial('too-large', 'report.mboxTooMany', {
        where: describePath(path),
        limit: MAX_MESSAGES_PER_FILE,
      });
      ctx.problem(path, failure);
      return;
    }
    const lineEnd = bytes.indexOf(0x0a, start);
    const end = next === -1 ? bytes.length : next;
    if (lineEnd >= 0 && lineEnd + 1 < end) {
      await readEmail(ctx, bytes.subarray(lineEnd + 1, end), [...path, `message ${n}`], depth + 1);
    }
    start = next;
  }
}

function attachmentBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Parts of a failure report that describe the failed message rather than carry a report. */
const FAILURE_PARTS = new Set([
  'message/feedback-report',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global-headers',
]);

/** Whether more than `limit` lines of `bytes` start with `--`. */
function hasMoreBoundaryLines(bytes: Uint8Array, limit: number): boolean {
  let count = 0;
  for (let line = 0; line !== -1; line = bytes.indexOf(0x0a, line) + 1 || -1) {
    if (bytes[line] === 0x2d && bytes[line + 1] === 0x2d && ++count > limit) return true;
  }
  return false;
}

async function readEmail(ctx: ReadContext, bytes: Uint8Array, path: ReportPath, depth: number): Promise<void> {
  const where = describePath(path);
  if (hasMoreBoundaryLines(bytes, MAX_MIME_BOUNDARY_LINES)) {
    const params = { where, limit: MAX_MIME_BOUNDARY_LINES };
    ctx.problem(path, ReportFailure.partial('too-large', 'report.mimeFlood', params));
    return;
  }
  let email: Email;
  try {
    email = await PostalMime.parse(bytes, { forceRfc822Attachments: true, attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    ctx.problem(
      path,
      ReportFailure.of('malformed', 'report.emailUnparsable', { where, error: (error as Error).message }),
    );
    return;
  }
  ctx.checkAborted();
  if (
    email.attachments.some((a) => a.mimeType === 'application/pkcs7-mime' || a.mimeType === 'application/x-pkcs7-mime')
  ) {
    ctx.problem(path, ReportFailure.of('encrypted', 'report.smime', { where }));
    return;
  }
  const failure = parseFailureReport(email);
  if (failure.kind === 'failure') {
    ctx.addReport({ report: failure.report, warnings: failure.warnings, path });
    return;
  }
  if (failure.kind === 'abuse') {
    ctx.problem(path, ReportFailure.of('unsupported', 'report.abuse', { where, type: failure.feedbackType }));
    return;
  }
  const before = ctx.reports.length;
  // Emails inside this one (forwarded messages, an mbox attached) are read after its other parts, one at a time.
  const nested = ctx.collectDeferred(() => {
    email.attachments.forEach((attachment, index) => {
      if (FAILURE_PARTS.has(attachment.mimeType)) return;
      const name = attachment.filename ?? `part ${index + 1} (${attachment.mimeType})`;
      const partPath = [...path, name];
      readPart(ctx, partPath, () =>
        pushInSlices(ctx, new DocumentStream(ctx, partPath, depth + 1), attachmentBytes(attachment.content)),
      );
    });
  });
  for (const read of nested) await read();
  // Some reporters paste the XML into the message body instead of attaching it.
  if (ctx.reports.length === before && email.text && /<(?:[\w.-]+:)?feedback[\s>]/.test(email.text)) {
    const bodyPath = [...path, 'message body'];
    readPart(ctx, bodyPath, () =>
      pushInSlices(ctx, new DocumentStream(ctx, bodyPath, depth + 1), new TextEncoder().encode(email.text)),
    );
  }
  if (ctx.reports.length === before && email.attachments.length === 0) {
    ctx.problem(path, ReportFailure.of('not-a-report', 'report.emailWithoutReport', { where }));
  }
}

function toResult(ctx: ReadContext): ParseResult {
  if (ctx.reports.length > 0) {
    // Members that are not reports (a README in a zip, the failing message of a failure report) are expected noise;
    // problems that lost a report are worth a warning.
    const lost = ctx.problems.filter((p) => p.code !== 'not-a-report' && p.code !== 'empty');
    return { ok: true, reports: ctx.reports, warnings: [...ctx.warnings, ...lost.map((p) => p.message)] };
  }
  const worst = [...ctx.problems].sort((a, b) => PROBLEM_WEIGHT[b.code] - PROBLEM_WEIGHT[a.code])[0];
  return {
    ok: false,
    error: worst
      ? { code: worst.code, message: worst.message }
      : errorOf(ReportFailure.of('not-a-report', 'report.nothingFound', { file: ctx.label })),
    warnings: ctx.warnings,
  };
}

function errorOf(failure: ReportFailure): ReportError {
  return { code: failure.code, message: failure.message };
}

/** Read every report in `input` (one file's bytes). Never throws for bad input. */
export function parseReport(input: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  return readInput(options, input.length, (ctx, document) => {
    if (input.length > MAX_INPUT_BYTES) {
      throw ReportFailure.of('too-large', 'report.inputTooLarge', {
        file: ctx.label,
        size: Math.round(input.length / 2 ** 20),
        limit: MAX_INPUT_BYTES / 2 ** 20,
      });
    }
    pushInSlices(ctx, document, input);
  });
}

/**
 * Like {@link parseReport}, reading the input chunk by chunk (a File's stream, a file on disk) so that not even the
 * compressed bytes need to be in memory at once. With `retainRecords: false` memory stays flat for any report size.
 */
export function parseReportStream(chunks: AsyncIterable<Uint8Array>, options: ParseOptions = {}): Promise<ParseResult> {
  return readInput(options, 0, async (ctx, document) => {
    for await (const chunk of chunks) {
      ctx.inputBytes += chunk.length;
      // Streamed input is never held whole, so only the time bound on decompressed size applies to it.
      if (ctx.inputBytes > MAX_DECOMPRESSED_BYTES) {
        throw ReportFailure.of('too-large', 'report.streamTooLarge', {
          file: ctx.label,
          limit: MAX_DECOMPRESSED_BYTES / 2 ** 30,
        });
      }
      for (let at = 0; at < chunk.length; at += INPUT_SLICE) {
        ctx.checkAborted();
        document.push(chunk.subarray(at, at + INPUT_SLICE));
      }
    }
    document.end();
  });
}

async function readInput(
  options: ParseOptions,
  inputBytes: number,
  feed: (ctx: ReadContext, document: ByteSink) => void | Promise<void>,
): Promise<ParseResult> {
  const label = options.fileName ?? 'input';
  const ctx = new ReadContext(label, inputBytes, options);
  try {
    const path = [label];
    try {
      await feed(ctx, new DocumentStream(ctx, path, 0));
    } catch (error) {
      if (error instanceof ReportFailure) ctx.problem(path, error);
      else throw error;
    }
    await ctx.settle();
    return toResult(ctx);
  } catch (error) {
    if (error instanceof ReportFailure) return { ok: false, error: errorOf(error), warnings: ctx.warnings };
    // A bug of ours, not the input's fault: still a typed result, so one bad file never takes down an import.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      error: errorOf(ReportFailure.of('malformed', 'report.internal', { file: label, error: reason })),
      warnings: ctx.warnings,
    };
  }
}
