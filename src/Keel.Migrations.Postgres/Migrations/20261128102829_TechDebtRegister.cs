using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TechDebtRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TechDebtLinks");

            migrationBuilder.DropTable(
                name: "TechDebtItems");
        }
    }
}
