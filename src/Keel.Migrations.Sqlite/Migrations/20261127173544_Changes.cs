using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Changes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChangeTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImplementationPlan = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    BackoutPlan = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TestPlan = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeTemplates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeTemplates_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Changes",
                columns: table => new
                {
                    WorkItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TemplateId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    ImplementationPlan = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    BackoutPlan = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TestPlan = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    PlannedStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PlannedEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ActualStart = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ActualEnd = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    RiskScore = table.Column<int>(type: "INTEGER", nullable: true),
                    RiskAnswers = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RiskExplanation = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    FreezeOverride = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReviewOutcome = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Changes", x => x.WorkItemId);
                    table.ForeignKey(
                        name: "FK_Changes_ChangeTemplates_TemplateId",
                        column: x => x.TemplateId,
                        principalTable: "ChangeTemplates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Changes_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChangeTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChangeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ConfigurationItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromImpact = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeTargets_Changes_ChangeId",
                        column: x => x.ChangeId,
                        principalTable: "Changes",
                        principalColumn: "WorkItemId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChangeTargets_ConfigurationItems_ConfigurationItemId",
                        column: x => x.ConfigurationItemId,
                        principalTable: "ConfigurationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChangeTargets_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_PlannedStart_PlannedEnd",
                table: "Changes",
                columns: new[] { "PlannedStart", "PlannedEnd" });

            migrationBuilder.CreateIndex(
                name: "IX_Changes_TemplateId",
                table: "Changes",
                column: "TemplateId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeTargets_ChangeId",
                table: "ChangeTargets",
                column: "ChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeTargets_ConfigurationItemId",
                table: "ChangeTargets",
                column: "ConfigurationItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeTargets_ServiceId",
                table: "ChangeTargets",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeTemplates_Name",
                table: "ChangeTemplates",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChangeTemplates_ServiceId",
                table: "ChangeTemplates",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChangeTargets");

            migrationBuilder.DropTable(
                name: "Changes");

            migrationBuilder.DropTable(
                name: "ChangeTemplates");
        }
    }
}
