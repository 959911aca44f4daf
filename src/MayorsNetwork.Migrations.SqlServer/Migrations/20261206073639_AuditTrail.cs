using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.SqlServer.Migrations
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
                        .Annotation("SqlServer:Identity", "1, 1"),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    ActorEmail = table.Column<string>(type: "nvarchar(254)", maxLength: 254, nullable: false),
                    RemoteAddress = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EntityType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    EntityKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    GovernmentId = table.Column<int>(type: "int", nullable: true),
                    Changes = table.Column<string>(type: "nvarchar(max)", maxLength: 16000, nullable: false)
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
            migrationBuilder.Sql("CREATE TRIGGER [AuditEntries_InsertOnly] ON [AuditEntries] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 51000, 'Audit entries are insert-only.', 1; END");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditEntries");
        }
    }
}
