using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ValueStreams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ValueStreams",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ServiceId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CatalogItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Steps = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "ValueStreams");
        }
    }
}
