// Limits on untrusted input. Each names the attack it stops; hitting one gives the `too-large` (or `malformed`) error,
// never a hang or an out-of-memory crash. RFC 9990 §7 (security considerations) names zip bombs, gzip bombs and XML
// entity expansion as the risks of accepting report attachments.

/**
 * Largest input accepted whole by parseReport (a 1 GB report gzips to well under this). Stops memory exhaustion by
 * sheer size. parseReportStream, which never holds its input, is bounded by MAX_DECOMPRESSED_BYTES instead.
 */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

/**
 * Largest total of decompressed bytes produced from one input file, across all archive layers. Streaming keeps memory
 * flat, so this only bounds time: 4 GiB of XML is hours of reports from the largest senders.
 */
export const MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * Largest ratio of decompressed bytes to input bytes, checked once more than {@link RATIO_CHECK_FLOOR} bytes came
 * out. Real DMARC XML compresses 10–40×; a gzip or zip bomb expands ~1000× per layer. Stops decompression bombs early.
 */
export const MAX_EXPANSION_RATIO = 250;
/** Below this many decompressed bytes the ratio is not checked: tiny reports may compress oddly well. */
export const RATIO_CHECK_FLOOR = 1024 * 1024;

/** Deepest container nesting (mbox → message → rfc822 → zip → gz → xml is 5). Stops recursive archives (zip quines). */
export const MAX_NESTING_DEPTH = 8;

/** Most members read from one zip. Stops zips with millions of tiny entries. */
export const MAX_ZIP_MEMBERS = 10_000;

/** Most reports returned for one input file. */
export const MAX_REPORTS_PER_FILE = 100_000;

/**
 * Most messages read from one mbox; the rest are skipped with a warning. Stops an mbox of millions of one-line
 * messages (a 9 MB file, a few KB gzipped) from costing millions of MIME parses and a problem kept for each.
 */
export const MAX_MESSAGES_PER_FILE = 100_000;

/** Largest single email (message or mbox part) handed to the MIME parser, which holds it whole in memory. */
export const MAX_EMAIL_BYTES = 64 * 1024 * 1024;

/**
 * Most MIME boundary lines (lines starting `--`, RFC 2046 §5.1.1) in one email handed to the MIME parser. Report emails
 * have a handful of parts; the parser does real work for each, so an email of a million tiny parts would take minutes.
 * Stops part floods before parsing.
 */
export const MAX_MIME_BOUNDARY_LINES = 10_000;

/** Largest JSON document (TLS-RPT), parsed whole. */
export const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Deepest nesting of JSON arrays and objects read (an RFC 8460 report nests four deep). JSON.parse spends about a
 * second on a megabyte of nothing but `[`; deeper documents are refused before it is called.
 */
export const MAX_JSON_NESTING = 64;

/** Most `<record>` elements in one aggregate report (Google's largest seen are a few hundred thousand). */
export const MAX_RECORDS_PER_REPORT = 5_000_000;

/**
 * Largest text of one `<record>`, and of the report head (everything before the first record). Streaming parses one
 * record batch at a time; a "record" that never closes must not grow the buffer without bound.
 */
export const MAX_ELEMENT_CHARS = 4 * 1024 * 1024;

/**
 * Longest decoded XML text of one file or archive member kept to show a report's raw XML (readReportXml). Streaming
 * never otherwise holds a report's text whole; this stops a huge report from being kept in memory just to be shown.
 */
export const MAX_XML_TEXT_CHARS = 64 * 1024 * 1024;

/**
 * Compressed bytes handed to a decompressor at once from input that arrives in pieces: bounds each burst of output (a
 * bomb expands ~1000× per byte). A slice that is exactly one whole gzip member is what a stream would read in one push,
 * giving one chunk, so it is inflated in one call (gunzipWhole); anything larger is copied as it arrives and inflated
 * slice by slice (STREAM_COPY_MAX_BYTES). Input held whole in memory goes in smaller slices (HELD_INPUT_SLICE).
 */
export const INPUT_SLICE = 64 * 1024;

/**
 * Compressed bytes inflated at a time from input held whole in memory (parseReport's input, a zip, an attachment),
 * where the decoder hands over each slice's output as a view of its own buffer, which holds that output whole. Report
 * XML compresses about 30×: a 4 KiB slice gives about 130 KB, inside the buffer's first 256 KiB, where a slice of
 * INPUT_SLICE grew it to the whole output of a 1 MB report, or megabytes of a larger one.
 */
export const HELD_INPUT_SLICE = 4 * 1024;

/**
 * Compressed bytes of a gzip file arriving in pieces (parseReportStream) that are copied into one buffer, so that the
 * decoder of inflateStream.ts can read them: it reads its input as one view from the stream's first byte, and input it
 * finds damaged is read again by fflate from there. Past this the copy is dropped and fflate reads the file again from
 * its start: 16 MiB of report gzip is about 500 MB of XML, larger than any report seen.
 */
export const STREAM_COPY_MAX_BYTES = 16 * 1024 * 1024;
