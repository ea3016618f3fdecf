import type Database from 'better-sqlite3';

/** Recounts TicketTally from the tickets themselves, with the key the migration's triggers write. */
export function rebuildTicketTally(conn: Database.Database): void {
  conn.transaction(() => {
    conn.exec('DELETE FROM "TicketTally"');
    conn.exec(`INSERT INTO "TicketTally" ("key", "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", "n")
      SELECT "status" || '|' || "kind" || '|' || coalesce("variant", '') || '|' || "subjectType" || '|' || "priority" || '|' || coalesce("assigneeId", '') || '|' || "complete",
             "status", "kind", "variant", "subjectType", "priority", "assigneeId", "complete", COUNT(*)
      FROM "Ticket" GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
  })();
}
