using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ChangeEnablement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Authority",
                table: "Changes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quorum",
                table: "Changes",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Authority",
                table: "Changes");

            migrationBuilder.DropColumn(
                name: "Quorum",
                table: "Changes");
        }
    }
}
