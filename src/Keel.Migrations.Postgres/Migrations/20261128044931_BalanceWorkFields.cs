using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class BalanceWorkFields : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "InitiativeId",
                table: "WorkItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InvestmentCategoryByHand",
                table: "WorkItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "RemediatesDebt",
                table: "WorkItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "ValueChainActivityByHand",
                table: "WorkItems",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_InitiativeId",
                table: "WorkItems",
                column: "InitiativeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkItems_InitiativeId",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "InitiativeId",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "InvestmentCategoryByHand",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "RemediatesDebt",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "ValueChainActivityByHand",
                table: "WorkItems");
        }
    }
}
