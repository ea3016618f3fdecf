import type Database from 'better-sqlite3';

/** Recounts TicketTally (with the key the migration's triggers write) and TicketTotal from the tickets themselves. */
export function rebuildTicketCounts(conn: Database.Database): void {
  conn.transaction(() => {
    conn.exec('INSERT OR REPLACE INTO "TicketTotal" ("id", "n") SELECT 1, COUNT(*) FROM "Ticket"');
    conn.exec('DELETE FROM "TicketTally"');
    conn.exec(`INSERT INTO "TicketTally" ("key", "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", "n")
      SELECT "status" || '|' || "kind" || '|' || coalesce("variant", '') || '|' || "subjectType" || '|' || "priority" || '|' || coalesce("assigneeId", '') || '|' || "complete",
             "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", COUNT(*)
      FROM "Ticket" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
  })();
}
