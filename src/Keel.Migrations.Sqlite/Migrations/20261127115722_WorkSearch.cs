using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Full-text search of work: an FTS5 table of titles and descriptions kept in step by triggers. The work item's id
    /// is stored unindexed (not the rowid), so a table rebuild by a later migration cannot mismatch rows; such a
    /// rebuild drops the triggers, which the search tests would catch.
    /// </summary>
    public partial class WorkSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "WorkItemsFts" USING fts5("WorkItemId" UNINDEXED, "Title", "Description", tokenize = 'porter unicode61');
                INSERT INTO "WorkItemsFts" ("WorkItemId", "Title", "Description") SELECT "Id", "Title", "Description" FROM "WorkItems";
                CREATE TRIGGER "WorkItems_Fts_Insert" AFTER INSERT ON "WorkItems" BEGIN
                    INSERT INTO "WorkItemsFts" ("WorkItemId", "Title", "Description") VALUES (new."Id", new."Title", new."Description");
                END;
                CREATE TRIGGER "WorkItems_Fts_Update" AFTER UPDATE OF "Title", "Description" ON "WorkItems" BEGIN
                    DELETE FROM "WorkItemsFts" WHERE "WorkItemId" = old."Id";
                    INSERT INTO "WorkItemsFts" ("WorkItemId", "Title", "Description") VALUES (new."Id", new."Title", new."Description");
                END;
                CREATE TRIGGER "WorkItems_Fts_Delete" AFTER DELETE ON "WorkItems" BEGIN
                    DELETE FROM "WorkItemsFts" WHERE "WorkItemId" = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "WorkItems_Fts_Delete";
                DROP TRIGGER IF EXISTS "WorkItems_Fts_Update";
                DROP TRIGGER IF EXISTS "WorkItems_Fts_Insert";
                DROP TABLE IF EXISTS "WorkItemsFts";
                """);
        }
    }
}
