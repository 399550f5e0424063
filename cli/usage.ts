// What `dmarc-lens --help` prints. A module of its own, importing nothing, so that the built tool's entry
// (cli/start.ts) answers --help without loading the core.
export const USAGE = `usage: dmarc-lens parse [--format json|csv|parsedmarc|parsedmarc-csv|es|splunk|backup | --to postgres://…] FILE...
       dmarc-lens senders [--domain D] [--format json|csv] [--asn-table FILE] FILE...   (senders --help)
       dmarc-lens fetch (--imap URL | --graph … | --maildir DIR | --dir DIR) [--state FILE] [--out FILE] …  (fetch --help)

Reads DMARC aggregate reports (xml, gz, zip, eml, mbox), failure reports and SMTP TLS reports, entirely locally.
  --format json        one JSON line per report: {"file","type","report","warnings"} or {"file","error"} (default)
  --format csv         one row per aggregate record
  --format parsedmarc  one JSON line per report with parsedmarc's field names
  --format parsedmarc-csv   parsedmarc's aggregate CSV: its columns in its order; with it
      --failure-csv FILE   parsedmarc's failure CSV of the failure reports, to FILE
      --tls-csv FILE       parsedmarc's SMTP TLS CSV of the TLS reports, to FILE
  --format es          Elasticsearch / OpenSearch _bulk NDJSON in parsedmarc's indexes and fields (alias opensearch)
  --format splunk      Splunk HEC events, one JSON per line, parsedmarc's sourcetypes (docs/pipelines.md)
  --format backup      the browser app's backup file: open it in the site with Data → Restore
  --to postgres://user@host:port/db   write into parsedmarc's PostgreSQL tables instead (made if missing),
                       each report in one transaction; reports already there are left as they are
  --quiet              only errors on stderr: no progress line, no warnings, no closing counts
  --progress           progress as plain lines even when stderr is not a terminal (a log file, a pipe)
  --version            the version
Exit status: 0 when every file was read, 1 when a file could not be read (or written to the database), 2 on usage
errors.`;
