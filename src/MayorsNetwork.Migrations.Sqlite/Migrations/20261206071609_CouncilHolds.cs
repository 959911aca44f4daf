using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CouncilHolds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CouncilHolds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ExpectedBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IsLifted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilHolds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilHolds_Invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "Invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CouncilHoldChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilHoldId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PreviousDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilHoldChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CouncilHoldChanges_CouncilHolds_CouncilHoldId",
                        column: x => x.CouncilHoldId,
                        principalTable: "CouncilHolds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CouncilHoldChanges_CouncilHoldId",
                table: "CouncilHoldChanges",
                column: "CouncilHoldId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilHolds_InvoiceId",
                table: "CouncilHolds",
                column: "InvoiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CouncilHolds_IsLifted_ExpectedBy",
                table: "CouncilHolds",
                columns: new[] { "IsLifted", "ExpectedBy" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CouncilHoldChanges");

            migrationBuilder.DropTable(
                name: "CouncilHolds");
        }
    }
}
