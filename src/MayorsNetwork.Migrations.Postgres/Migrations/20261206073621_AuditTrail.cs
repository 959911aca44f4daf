using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MayorsNetwork.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ActorEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GovernmentId = table.Column<int>(type: "integer", nullable: true),
                    Changes = table.Column<string>(type: "character varying(16000)", maxLength: 16000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorEmail_AtUtc",
                table: "AuditEntries",
                columns: new[] { "ActorEmail", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ActorUserId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "ActorUserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_AtUtc",
                table: "AuditEntries",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_GovernmentId_AtUtc",
                table: "AuditEntries",
                columns: new[] { "GovernmentId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_Kind_AtUtc",
                table: "AuditEntries",
                columns: new[] { "Kind", "AtUtc" });

            // Insert-only in the database itself: no UPDATE, DELETE or TRUNCATE of entries, whoever connects.
            migrationBuilder.Sql("CREATE FUNCTION audit_entries_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'Audit entries are insert-only.'; END $$;");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEntries_InsertOnly\" BEFORE UPDATE OR DELETE OR TRUNCATE ON \"AuditEntries\" FOR EACH STATEMENT EXECUTE FUNCTION audit_entries_insert_only();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS \"AuditEntries_InsertOnly\" ON \"AuditEntries\";");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit_entries_insert_only();");

            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
