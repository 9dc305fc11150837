import type { Database } from '../../db/client.js';

/** Per table: its row count and the sum of its rows' xmin (any insert, update or delete moves one). */
export type TableSnapshot = Map<string, { rows: string; xminSum: string }>;

export interface TableChange {
  table: string;
  before: { rows: string; xminSum: string } | undefined;
  after: { rows: string; xminSum: string } | undefined;
}

/**
 * A cheap fingerprint of every table, in one statement. A deleted row and an inserted one would
 * have to cancel in both the count and the xmin sum to go unseen, which one transaction cannot do
 * (its xmin is new).
 */
export async function tableSnapshotter(
  database: Database,
  exclude: readonly string[] = [],
): Promise<{ tables: string[]; take(): Promise<TableSnapshot>; writeMark(): Promise<string> }> {
  const rows = await database.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const tables = rows.map((r) => r.table_name).filter((t) => !exclude.includes(t));
  const ident = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const statement = tables
    .map(
      (t) =>
        `SELECT '${t.replace(/'/g, "''")}' AS t, count(*)::text AS n, coalesce(sum(xmin::text::bigint), 0)::text AS x FROM ${ident(t)}`,
    )
    .join(' UNION ALL ');
  return {
    tables,
    /**
     * The next transaction id to be handed out. Only a transaction that writes takes one, so an
     * unchanged mark proves nothing was written and spares the full snapshot. (On a shared
     * PostgreSQL other databases' writes move it too; that only costs a snapshot.)
     */
    async writeMark() {
      const [row] = await database.query<{ x: string }>(
        `SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x`,
      );
      return row!.x;
    },
    async take() {
      const out: TableSnapshot = new Map();
      for (const r of await database.query<{ t: string; n: string; x: string }>(statement)) {
        out.set(r.t, { rows: String(r.n), xminSum: String(r.x) });
      }
      return out;
    },
  };
}

export function changedTables(before: TableSnapshot, after: TableSnapshot): TableChange[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  const out: TableChange[] = [];
  for (const table of names) {
    const a = before.get(table);
    const b = after.get(table);
    if (a?.rows !== b?.rows || a?.xminSum !== b?.xminSum) out.push({ table, before: a, after: b });
  }
  return out;
}
