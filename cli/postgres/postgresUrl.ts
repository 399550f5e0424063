/** Whether `--to` names a PostgreSQL database (the two schemes libpq takes). */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
