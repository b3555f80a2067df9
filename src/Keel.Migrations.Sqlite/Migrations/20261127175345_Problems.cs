using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Problems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ProblemCandidates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Group = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfigurationItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FirstIncidentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastIncidentAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    DismissReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemCandidates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProblemCandidates_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ProblemCandidates_ConfigurationItems_ConfigurationItemId",
                        column: x => x.ConfigurationItemId,
                        principalTable: "ConfigurationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemCandidates_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProblemSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CandidateThreshold = table.Column<int>(type: "INTEGER", nullable: false),
                    CandidateWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProblemCandidateIncidents",
                columns: table => new
                {
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProblemCandidateIncidents", x => new { x.CandidateId, x.WorkItemId });
                    table.ForeignKey(
                        name: "FK_ProblemCandidateIncidents_ProblemCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "ProblemCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProblemCandidateIncidents_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Problems",
                columns: table => new
                {
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Workaround = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    KnownErrorAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CandidateId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Problems", x => x.WorkItemId);
                    table.ForeignKey(
                        name: "FK_Problems_ProblemCandidates_CandidateId",
                        column: x => x.CandidateId,
                        principalTable: "ProblemCandidates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Problems_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCandidateIncidents_WorkItemId",
                table: "ProblemCandidateIncidents",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCandidates_ConfigurationItemId",
                table: "ProblemCandidates",
                column: "ConfigurationItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCandidates_DecidedById",
                table: "ProblemCandidates",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCandidates_OpenGroup",
                table: "ProblemCandidates",
                columns: new[] { "Group", "Key" },
                unique: true,
                filter: "\"State\" = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCandidates_ServiceId",
                table: "ProblemCandidates",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ProblemCandidates_State_CreatedAt",
                table: "ProblemCandidates",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Problems_CandidateId",
                table: "Problems",
                column: "CandidateId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ProblemCandidateIncidents");

            migrationBuilder.DropTable(
                name: "Problems");

            migrationBuilder.DropTable(
                name: "ProblemSettings");

            migrationBuilder.DropTable(
                name: "ProblemCandidates");
        }
    }
}
