/**
 * The migrated database every test file clones. TEST_TEMPLATE_DB lets two checkouts run the
 * PostgreSQL suite on one server at the same time without dropping each other's template.
 */
export const TEMPLATE_DB = /^[a-z_][a-z0-9_]{0,62}$/.test(process.env.TEST_TEMPLATE_DB ?? '')
  ? process.env.TEST_TEMPLATE_DB!
  : 'ii_template';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
