using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Balance : Migration
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

            migrationBuilder.CreateTable(
                name: "Initiatives",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    Category = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ExpectedOutcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Measure = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpectedValue = table.Column<double>(type: "double precision", nullable: true),
                    Unit = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    EffortEstimateHours = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    RealisedValue = table.Column<double>(type: "double precision", nullable: true),
                    ReviewNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DeliveredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Initiatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Initiatives_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Initiatives_AspNetUsers_ReviewedById",
                        column: x => x.ReviewedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Initiatives_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TechDebtItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false),
                    ConfigurationItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    RemediationEstimateHours = table.Column<double>(type: "double precision", nullable: false),
                    ManualInterestHoursPerMonth = table.Column<double>(type: "double precision", nullable: true),
                    Risk = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    PayoffChangeId = table.Column<Guid>(type: "uuid", nullable: true),
                    PayoffInitiativeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechDebtItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechDebtItems_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TechDebtItems_ConfigurationItems_ConfigurationItemId",
                        column: x => x.ConfigurationItemId,
                        principalTable: "ConfigurationItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TechDebtItems_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TechDebtItems_WorkItems_PayoffChangeId",
                        column: x => x.PayoffChangeId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "ValueStreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    CatalogItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    Steps = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValueStreams", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ValueStreams_CatalogItems_CatalogItemId",
                        column: x => x.CatalogItemId,
                        principalTable: "CatalogItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ValueStreams_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TechDebtLinks",
                columns: table => new
                {
                    DebtItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    WorkItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    LinkedById = table.Column<Guid>(type: "uuid", nullable: true),
                    LinkedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechDebtLinks", x => new { x.DebtItemId, x.WorkItemId });
                    table.ForeignKey(
                        name: "FK_TechDebtLinks_AspNetUsers_LinkedById",
                        column: x => x.LinkedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TechDebtLinks_TechDebtItems_DebtItemId",
                        column: x => x.DebtItemId,
                        principalTable: "TechDebtItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TechDebtLinks_WorkItems_WorkItemId",
                        column: x => x.WorkItemId,
                        principalTable: "WorkItems",
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

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Number",
                table: "Initiatives",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_OwnerId",
                table: "Initiatives",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ReviewedById",
                table: "Initiatives",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_ServiceId",
                table: "Initiatives",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_Initiatives_Status_Number",
                table: "Initiatives",
                columns: new[] { "Status", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_TechDebtItems_ConfigurationItemId",
                table: "TechDebtItems",
                column: "ConfigurationItemId");

            migrationBuilder.CreateIndex(
                name: "IX_TechDebtItems_Number",
                table: "TechDebtItems",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TechDebtItems_OwnerId",
                table: "TechDebtItems",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_TechDebtItems_PayoffChangeId",
                table: "TechDebtItems",
                column: "PayoffChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_TechDebtItems_Sequence",
                table: "TechDebtItems",
                column: "Sequence",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TechDebtItems_ServiceId_Status",
                table: "TechDebtItems",
                columns: new[] { "ServiceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_TechDebtLinks_LinkedById",
                table: "TechDebtLinks",
                column: "LinkedById");

            migrationBuilder.CreateIndex(
                name: "IX_TechDebtLinks_WorkItemId",
                table: "TechDebtLinks",
                column: "WorkItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ValueStreams_CatalogItemId",
                table: "ValueStreams",
                column: "CatalogItemId");

            migrationBuilder.CreateIndex(
                name: "IX_ValueStreams_Name",
                table: "ValueStreams",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ValueStreams_ServiceId",
                table: "ValueStreams",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BalanceDriftNotices");

            migrationBuilder.DropTable(
                name: "CapacityTargets");

            migrationBuilder.DropTable(
                name: "Initiatives");

            migrationBuilder.DropTable(
                name: "TechDebtLinks");

            migrationBuilder.DropTable(
                name: "ValueStreams");

            migrationBuilder.DropTable(
                name: "TechDebtItems");
        }
    }
}
