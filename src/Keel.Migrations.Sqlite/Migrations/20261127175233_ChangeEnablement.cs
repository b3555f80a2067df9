using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quorum",
                table: "Changes",
                type: "INTEGER",
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
