// parsedmarc's PostgreSQL tables (its parsedmarc/postgres.py): the same table names, column names and types, and the
// same unique keys, so its Grafana dashboards read what DMARC Lens writes and either tool can fill the same database.
// Every statement is "if not exists": running it against a database parsedmarc already made changes nothing.

export const CREATE_TABLES: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS dmarc_aggregate_report (
    id BIGSERIAL PRIMARY KEY,
    xml_schema TEXT, xml_namespace TEXT,
    org_name TEXT NOT NULL, org_email TEXT, org_extra_contact_info TEXT, generator TEXT,
    report_id TEXT NOT NULL,
    begin_date TIMESTAMPTZ NOT NULL, end_date TIMESTAMPTZ NOT NULL,
    errors TEXT[],
    domain TEXT NOT NULL,
    adkim TEXT, aspf TEXT, policy TEXT, subdomain_policy TEXT, pct TEXT, fo TEXT, np TEXT, testing TEXT,
    discovery_method TEXT,
    UNIQUE (org_name, report_id, domain, begin_date, end_date))`,
  `CREATE TABLE IF NOT EXISTS dmarc_aggregate_record (
    id BIGSERIAL PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES dmarc_aggregate_report(id) ON DELETE CASCADE,
    interval_begin TIMESTAMPTZ, interval_end TIMESTAMPTZ,
    source_ip_address INET, source_country TEXT, source_reverse_dns TEXT, source_base_domain TEXT,
    source_name TEXT, source_type TEXT,
    message_count INTEGER NOT NULL,
    spf_aligned BOOLEAN, dkim_aligned BOOLEAN, dmarc_passed BOOLEAN,
    disposition TEXT, policy_dkim TEXT, policy_spf TEXT,
    header_from TEXT, envelope_from TEXT, envelope_to TEXT)`,
  `CREATE TABLE IF NOT EXISTS dmarc_aggregate_record_dkim (
    id BIGSERIAL PRIMARY KEY,
    record_id BIGINT NOT NULL REFERENCES dmarc_aggregate_record(id) ON DELETE CASCADE,
    domain TEXT, selector TEXT, result TEXT, human_result TEXT)`,
  `CREATE TABLE IF NOT EXISTS dmarc_aggregate_record_spf (
    id BIGSERIAL PRIMARY KEY,
    record_id BIGINT NOT NULL REFERENCES dmarc_aggregate_record(id) ON DELETE CASCADE,
    domain TEXT, scope TEXT, result TEXT, human_result TEXT)`,
  `CREATE TABLE IF NOT EXISTS dmarc_aggregate_record_policy_override (
    id BIGSERIAL PRIMARY KEY,
    record_id BIGINT NOT NULL REFERENCES dmarc_aggregate_record(id) ON DELETE CASCADE,
    override_type TEXT, comment TEXT)`,
  `CREATE TABLE IF NOT EXISTS dmarc_failure_report (
    id BIGSERIAL PRIMARY KEY,
    feedback_type TEXT, user_agent TEXT, version TEXT,
    original_envelope_id TEXT, original_mail_from TEXT, original_rcpt_to TEXT,
    arrival_date TIMESTAMPTZ, arrival_date_utc TIMESTAMPTZ,
    authentication_results TEXT, delivery_result TEXT,
    auth_failure TEXT[], authentication_mechanisms TEXT[],
    dkim_domain TEXT, reported_domain TEXT, sample_headers_only BOOLEAN,
    source_ip_address INET, source_country TEXT, source_reverse_dns TEXT, source_base_domain TEXT,
    source_name TEXT, source_type TEXT,
    sample TEXT, sample_date TEXT, sample_subject TEXT, sample_body TEXT, sample_has_defects BOOLEAN,
    sample_headers JSONB, sample_from JSONB, sample_to JSONB)`,
  `CREATE TABLE IF NOT EXISTS dmarc_failure_sample_address (
    id BIGSERIAL PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES dmarc_failure_report(id) ON DELETE CASCADE,
    address_type TEXT, display_name TEXT, address TEXT)`,
  `CREATE TABLE IF NOT EXISTS smtp_tls_report (
    id BIGSERIAL PRIMARY KEY,
    organization_name TEXT NOT NULL,
    begin_date TIMESTAMPTZ NOT NULL, end_date TIMESTAMPTZ NOT NULL,
    contact_info TEXT,
    report_id TEXT NOT NULL,
    UNIQUE (organization_name, report_id, begin_date, end_date))`,
  `CREATE TABLE IF NOT EXISTS smtp_tls_policy (
    id BIGSERIAL PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES smtp_tls_report(id) ON DELETE CASCADE,
    policy_domain TEXT, policy_type TEXT, policy_strings TEXT[], mx_host_patterns TEXT[],
    successful_session_count INTEGER, failed_session_count INTEGER)`,
  `CREATE TABLE IF NOT EXISTS smtp_tls_failure_detail (
    id BIGSERIAL PRIMARY KEY,
    policy_id BIGINT NOT NULL REFERENCES smtp_tls_policy(id) ON DELETE CASCADE,
    result_type TEXT, failed_session_count INTEGER,
    sending_mta_ip INET, receiving_ip INET,
    receiving_mx_hostname TEXT, receiving_mx_helo TEXT, additional_info_uri TEXT, failure_reason_code TEXT)`,
  // The indexes parsedmarc makes for its dashboards' queries.
  'CREATE INDEX IF NOT EXISTS idx_agg_report_begin_date ON dmarc_aggregate_report (begin_date)',
  'CREATE INDEX IF NOT EXISTS idx_agg_record_report_id ON dmarc_aggregate_record (report_id)',
  'CREATE INDEX IF NOT EXISTS idx_agg_record_header_from ON dmarc_aggregate_record (header_from)',
  'CREATE INDEX IF NOT EXISTS idx_failure_report_arrival_date ON dmarc_failure_report (arrival_date_utc)',
  'CREATE INDEX IF NOT EXISTS idx_smtp_tls_report_begin_date ON smtp_tls_report (begin_date)',
  'CREATE INDEX IF NOT EXISTS idx_smtp_tls_policy_report_id ON smtp_tls_policy (report_id)',
];
