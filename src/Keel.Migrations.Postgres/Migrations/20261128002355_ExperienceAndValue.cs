using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ExperienceAndValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ExperienceTarget",
                table: "Services",
                type: "integer",
                nullable: false,
                defaultValue: 75);

            migrationBuilder.AddColumn<long>(
                name: "SurveySampleRateMillionths",
                table: "Services",
                type: "bigint",
                nullable: false,
                defaultValue: 1_000_000L);

            migrationBuilder.CreateTable(
                name: "ExperienceWeights",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Satisfaction = table.Column<int>(type: "integer", nullable: false),
                    ReopenRate = table.Column<int>(type: "integer", nullable: false),
                    FirstContactResolution = table.Column<int>(type: "integer", nullable: false),
                    WithinSla = table.Column<int>(type: "integer", nullable: false),
                    Effort = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExperienceWeights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RollupMarks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Since = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RollupMarks", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "ServiceDays",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Raised = table.Column<int>(type: "integer", nullable: false),
                    Resolved = table.Column<int>(type: "integer", nullable: false),
                    Reopened = table.Column<int>(type: "integer", nullable: false),
                    FirstContact = table.Column<int>(type: "integer", nullable: false),
                    Interactions = table.Column<int>(type: "integer", nullable: false),
                    ResolutionMet = table.Column<int>(type: "integer", nullable: false),
                    ResolutionBreached = table.Column<int>(type: "integer", nullable: false),
                    SlaMet = table.Column<int>(type: "integer", nullable: false),
                    SlaBreached = table.Column<int>(type: "integer", nullable: false),
                    SurveysSent = table.Column<int>(type: "integer", nullable: false),
                    Responses = table.Column<int>(type: "integer", nullable: false),
                    RatingSum = table.Column<int>(type: "integer", nullable: false),
                    LabourMinutes = table.Column<long>(type: "bigint", nullable: false),
                    LabourMinor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceDays", x => new { x.ServiceId, x.Day });
                    table.ForeignKey(
                        name: "FK_ServiceDays_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceUnitDays",
                columns: table => new
                {
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    BusinessUnitId = table.Column<Guid>(type: "uuid", nullable: false),
                    Raised = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceUnitDays", x => new { x.ServiceId, x.Day, x.BusinessUnitId });
                    table.ForeignKey(
                        name: "FK_ServiceUnitDays_BusinessUnits_BusinessUnitId",
                        column: x => x.BusinessUnitId,
                        principalTable: "BusinessUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceUnitDays_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecipientId = table.Column<Guid>(type: "uuid", nullable: false),
                    Token = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: true),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_AspNetUsers_RecipientId",
                        column: x => x.RecipientId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Surveys_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Surveys_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceDays_Day",
                table: "ServiceDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceUnitDays_BusinessUnitId",
                table: "ServiceUnitDays",
                column: "BusinessUnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceUnitDays_Day",
                table: "ServiceUnitDays",
                column: "Day");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_RecipientId_RespondedAt",
                table: "Surveys",
                columns: new[] { "RecipientId", "RespondedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_RespondedAt",
                table: "Surveys",
                column: "RespondedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_SentAt",
                table: "Surveys",
                column: "SentAt");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_ServiceId",
                table: "Surveys",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_Token",
                table: "Surveys",
                column: "Token",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_WorkItemId",
                table: "Surveys",
                column: "WorkItemId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExperienceWeights");

            migrationBuilder.DropTable(
                name: "RollupMarks");

            migrationBuilder.DropTable(
                name: "ServiceDays");

            migrationBuilder.DropTable(
                name: "ServiceUnitDays");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropColumn(
                name: "ExperienceTarget",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "SurveySampleRateMillionths",
                table: "Services");
        }
    }
}
