using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DebtPayoffInitiative : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TechDebtItems_PayoffInitiativeId",
                table: "TechDebtItems",
                column: "PayoffInitiativeId");

            migrationBuilder.AddForeignKey(
                name: "FK_TechDebtItems_Initiatives_PayoffInitiativeId",
                table: "TechDebtItems",
                column: "PayoffInitiativeId",
                principalTable: "Initiatives",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_TechDebtItems_Initiatives_PayoffInitiativeId",
                table: "TechDebtItems");

            migrationBuilder.DropIndex(
                name: "IX_TechDebtItems_PayoffInitiativeId",
                table: "TechDebtItems");
        }
    }
}
