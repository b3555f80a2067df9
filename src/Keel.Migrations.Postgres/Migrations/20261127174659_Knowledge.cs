using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Keel.Migrations.Postgres.Migrations
{
    /// <summary>
    /// Knowledge articles, versions, votes, views and portal sessions; full-text search through a generated, weighted
    /// tsvector (title A, summary and tags B, body D) with a GIN index.
    /// </summary>
    public partial class Knowledge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KnowledgeArticles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    Tags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    KnownErrorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: false),
                    State = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PublishedNumber = table.Column<int>(type: "integer", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeArticles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeArticles_AspNetUsers_AuthorId",
                        column: x => x.AuthorId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KnowledgeArticles_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_KnowledgeArticles_WorkItems_KnownErrorId",
                        column: x => x.KnownErrorId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeArticleServices",
                columns: table => new
                {
                    ArticleId = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeArticleServices", x => new { x.ArticleId, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_KnowledgeArticleServices_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KnowledgeArticleServices_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeFeedback",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleId = table.Column<Guid>(type: "uuid", nullable: false),
                    VersionNumber = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Helpful = table.Column<bool>(type: "boolean", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeFeedback_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KnowledgeFeedback_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastArticleId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastViewAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SolvedArticleId = table.Column<Guid>(type: "uuid", nullable: true),
                    SolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IncidentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeSessions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_KnowledgeSessions_KnowledgeArticles_LastArticleId",
                        column: x => x.LastArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_KnowledgeSessions_KnowledgeArticles_SolvedArticleId",
                        column: x => x.SolvedArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_KnowledgeSessions_WorkItems_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "WorkItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Body = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    Tags = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeVersions_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeViews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ArticleId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: true),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeViews_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_KnowledgeViews_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_AuthorId",
                table: "KnowledgeArticles",
                column: "AuthorId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_KnownErrorId",
                table: "KnowledgeArticles",
                column: "KnownErrorId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_OwnerId",
                table: "KnowledgeArticles",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_State_Title",
                table: "KnowledgeArticles",
                columns: new[] { "State", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_UpdatedAt",
                table: "KnowledgeArticles",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticleServices_ServiceId",
                table: "KnowledgeArticleServices",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeFeedback_ArticleId_VersionNumber_UserId",
                table: "KnowledgeFeedback",
                columns: new[] { "ArticleId", "VersionNumber", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeFeedback_UserId",
                table: "KnowledgeFeedback",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeSessions_IncidentId",
                table: "KnowledgeSessions",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeSessions_LastArticleId",
                table: "KnowledgeSessions",
                column: "LastArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeSessions_SolvedArticleId",
                table: "KnowledgeSessions",
                column: "SolvedArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeSessions_UserId",
                table: "KnowledgeSessions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeVersions_ArticleId_Number",
                table: "KnowledgeVersions",
                columns: new[] { "ArticleId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeViews_ArticleId",
                table: "KnowledgeViews",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeViews_SessionId",
                table: "KnowledgeViews",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeViews_UserId",
                table: "KnowledgeViews",
                column: "UserId");

            migrationBuilder.Sql("""
                ALTER TABLE "KnowledgeArticles" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce("Title", '')), 'A')
                    || setweight(to_tsvector('english', coalesce("Summary", '') || ' ' || coalesce("Tags", '')), 'B')
                    || setweight(to_tsvector('english', coalesce("Body", '')), 'D')) STORED;
                CREATE INDEX "IX_KnowledgeArticles_SearchVector" ON "KnowledgeArticles" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS "IX_KnowledgeArticles_SearchVector";
                ALTER TABLE "KnowledgeArticles" DROP COLUMN IF EXISTS "SearchVector";
                """);

            migrationBuilder.DropTable(
                name: "KnowledgeArticleServices");

            migrationBuilder.DropTable(
                name: "KnowledgeFeedback");

            migrationBuilder.DropTable(
                name: "KnowledgeSessions");

            migrationBuilder.DropTable(
                name: "KnowledgeVersions");

            migrationBuilder.DropTable(
                name: "KnowledgeViews");

            migrationBuilder.DropTable(
                name: "KnowledgeArticles");
        }
    }
}
