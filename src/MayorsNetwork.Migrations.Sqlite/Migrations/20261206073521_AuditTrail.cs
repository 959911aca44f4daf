using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ActorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ActorEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GovernmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Changes = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false)
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

            // Insert-only in the database itself: no UPDATE or DELETE of an entry, whoever connects.
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEntries_InsertOnly\" BEFORE UPDATE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'Audit entries are insert-only.'); END;");
            migrationBuilder.Sql("CREATE TRIGGER \"AuditEntries_InsertOnly_Delete\" BEFORE DELETE ON \"AuditEntries\" BEGIN SELECT RAISE(ABORT, 'Audit entries are insert-only.'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
