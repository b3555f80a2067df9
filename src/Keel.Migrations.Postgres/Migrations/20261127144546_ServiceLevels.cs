using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServiceLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SlaDueAt",
                table: "WorkItems",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SlaStatus",
                table: "WorkItems",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BusinessCalendars",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    HoursJson = table.Column<string>(type: "text", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BusinessCalendars", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CalendarRevisions",
                columns: table => new
                {
                    CalendarId = table.Column<Guid>(type: "uuid", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    HoursJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarRevisions", x => new { x.CalendarId, x.Revision });
                    table.ForeignKey(
                        name: "FK_CalendarRevisions_BusinessCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "BusinessCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceLevelPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Agreement = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    KindsJson = table.Column<string>(type: "text", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    PrioritiesJson = table.Column<string>(type: "text", nullable: false),
                    BusinessUnitId = table.Column<Guid>(type: "uuid", nullable: true),
                    TeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    CalendarId = table.Column<Guid>(type: "uuid", nullable: false),
                    ResponseJson = table.Column<string>(type: "text", nullable: true),
                    ResolutionJson = table.Column<string>(type: "text", nullable: true),
                    WarningPercentsJson = table.Column<string>(type: "text", nullable: false),
                    PauseReasonsJson = table.Column<string>(type: "text", nullable: false),
                    PauseStatesJson = table.Column<string>(type: "text", nullable: false),
                    StopStatesJson = table.Column<string>(type: "text", nullable: false),
                    Escalation = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EscalationTeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceLevelPolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceLevelPolicies_BusinessCalendars_CalendarId",
                        column: x => x.CalendarId,
                        principalTable: "BusinessCalendars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceLevelPolicies_BusinessUnits_BusinessUnitId",
                        column: x => x.BusinessUnitId,
                        principalTable: "BusinessUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceLevelPolicies_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceLevelPolicies_Teams_EscalationTeamId",
                        column: x => x.EscalationTeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ServiceLevelPolicies_Teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "Teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceLevelClocks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Agreement = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    PolicyId = table.Column<Guid>(type: "uuid", nullable: false),
                    PolicyName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    TermsJson = table.Column<string>(type: "text", nullable: false),
                    CalendarId = table.Column<Guid>(type: "uuid", nullable: false),
                    CalendarRevision = table.Column<int>(type: "integer", nullable: false),
                    MatchedPriority = table.Column<int>(type: "integer", nullable: false),
                    MatchedTeamId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    StoppedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ElapsedMinutes = table.Column<long>(type: "bigint", nullable: false),
                    RemainingMinutes = table.Column<long>(type: "bigint", nullable: false),
                    Warning = table.Column<int>(type: "integer", nullable: true),
                    PausesJson = table.Column<string>(type: "text", nullable: false),
                    NextCheckAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AnnouncedWarning = table.Column<int>(type: "integer", nullable: true),
                    AnnouncedBreach = table.Column<bool>(type: "boolean", nullable: false),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceLevelClocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceLevelClocks_ServiceLevelPolicies_PolicyId",
                        column: x => x.PolicyId,
                        principalTable: "ServiceLevelPolicies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ServiceLevelClocks_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WorkItems_SlaStatus_SlaDueAt",
                table: "WorkItems",
                columns: new[] { "SlaStatus", "SlaDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BusinessCalendars_Name",
                table: "BusinessCalendars",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelClocks_NextCheckAt",
                table: "ServiceLevelClocks",
                column: "NextCheckAt");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelClocks_PolicyId_State",
                table: "ServiceLevelClocks",
                columns: new[] { "PolicyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelClocks_WorkItemId_Kind_Agreement",
                table: "ServiceLevelClocks",
                columns: new[] { "WorkItemId", "Kind", "Agreement" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelPolicies_Agreement_Order",
                table: "ServiceLevelPolicies",
                columns: new[] { "Agreement", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelPolicies_BusinessUnitId",
                table: "ServiceLevelPolicies",
                column: "BusinessUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelPolicies_CalendarId",
                table: "ServiceLevelPolicies",
                column: "CalendarId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelPolicies_EscalationTeamId",
                table: "ServiceLevelPolicies",
                column: "EscalationTeamId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelPolicies_Name",
                table: "ServiceLevelPolicies",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelPolicies_ServiceId",
                table: "ServiceLevelPolicies",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLevelPolicies_TeamId",
                table: "ServiceLevelPolicies",
                column: "TeamId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CalendarRevisions");

            migrationBuilder.DropTable(
                name: "ServiceLevelClocks");

            migrationBuilder.DropTable(
                name: "ServiceLevelPolicies");

            migrationBuilder.DropTable(
                name: "BusinessCalendars");

            migrationBuilder.DropIndex(
                name: "IX_WorkItems_SlaStatus_SlaDueAt",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "SlaDueAt",
                table: "WorkItems");

            migrationBuilder.DropColumn(
                name: "SlaStatus",
                table: "WorkItems");
        }
    }
}
