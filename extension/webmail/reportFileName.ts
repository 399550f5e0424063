// Report attachments are recognised by name, not MIME type (reporters send XML as application/octet-stream,
// text/plain, application/x-gzip …). RFC 7489 §7.2.1.1: `receiver "!" policy-domain "!" begin "!" end [ "!" unique-id ]
// "." extension`; RFC 8460 §5.3.1 uses the same shape for TLS reports (`.json` / `.json.gz`). Receivers vary the
// extension (`.xml.gz`, `.zip`, `.gz`, `.xml.zip`), and some leave the receiver empty (`!example.com!…`, seen in
// domainaware/parsedmarc's samples), so the receiver part may be empty.
const REPORT_FILE_NAME =
  /^[^!\s/\\]*![^!\s/\\]+!\d{9,11}!\d{9,11}(?:![^!\s/\\]*)?\.(?:xml|json|xml\.gz|json\.gz|gz|gzip|xml\.gzip|zip|xml\.zip)$/i;

/** Whether a file name looks like a DMARC aggregate or SMTP TLS report attachment. */
export function isReportFileName(name: string): boolean {
  return REPORT_FILE_NAME.test(name.trim());
}

/** The first report file name inside a longer text (an aria-label such as "Attachment: x!y!1!2.zip. Press enter…"). */
export function findReportFileName(text: string): string | undefined {
  for (const token of text.split(/[\s"'“”„()<>]+/)) {
    // Labels end the name with sentence punctuation ("…zip." / "…zip,"); the name itself never ends with one.
    const candidate = token.replace(/[.,;:]+$/, '');
    if (isReportFileName(candidate)) return candidate;
  }
  return undefined;
}
