using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DebtCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Debt items are numbered from the work counters from now on: start the counter after the register's last number.
            migrationBuilder.Sql(
                "INSERT INTO \"WorkCounters\" (\"Kind\", \"Last\") SELECT 'TechDebt', COALESCE(MAX(\"Sequence\"), 0) FROM \"TechDebtItems\" WHERE true ON CONFLICT DO NOTHING;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DELETE FROM \"WorkCounters\" WHERE \"Kind\" = 'TechDebt';");
        }
    }
}
