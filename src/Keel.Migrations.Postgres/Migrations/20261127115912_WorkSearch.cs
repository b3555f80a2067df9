using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <summary>Full-text search of work: a generated tsvector of title and description with a GIN index.</summary>
    public partial class WorkSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "WorkItems" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('english', coalesce("Title", '') || ' ' || coalesce("Description", ''))) STORED;
                CREATE INDEX "IX_WorkItems_SearchVector" ON "WorkItems" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_WorkItems_SearchVector";
                ALTER TABLE "WorkItems" DROP COLUMN IF EXISTS "SearchVector";
                """);
        }
    }
}
