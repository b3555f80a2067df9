using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CapacityTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BalanceDriftNotices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Direction = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Since = table.Column<DateOnly>(type: "date", nullable: false),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BalanceDriftNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BalanceDriftNotices_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CapacityTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Run = table.Column<int>(type: "integer", nullable: false),
                    Debt = table.Column<int>(type: "integer", nullable: false),
                    Grow = table.Column<int>(type: "integer", nullable: false),
                    Transform = table.Column<int>(type: "integer", nullable: false),
                    Tolerance = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CapacityTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CapacityTargets_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BalanceDriftNotices_TeamId_Category_Direction_Since",
                table: "BalanceDriftNotices",
                columns: new[] { "TeamId", "Category", "Direction", "Since" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CapacityTargets_TeamId_Period",
                table: "CapacityTargets",
                columns: new[] { "TeamId", "Period" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BalanceDriftNotices");

            migrationBuilder.DropTable(
                name: "CapacityTargets");
        }
    }
}
