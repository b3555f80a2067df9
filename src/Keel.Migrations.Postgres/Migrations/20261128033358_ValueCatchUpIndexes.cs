using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ValueCatchUpIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkLogs_CreatedAt",
                table: "WorkLogs",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_UpdatedAt",
                table: "WorkItems",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_WorkComments_CreatedAt",
                table: "WorkComments",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelClocks_ComputedAt",
                table: "ServiceLevelClocks",
                column: "ComputedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkLogs_CreatedAt",
                table: "WorkLogs");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_UpdatedAt",
                table: "WorkItems");

            migrationBuilder.DropIndex(
                name: "IX_WorkComments_CreatedAt",
                table: "WorkComments");

            migrationBuilder.DropIndex(
                name: "IX_ServiceLevelClocks_ComputedAt",
                table: "ServiceLevelClocks");
        }
    }
}
