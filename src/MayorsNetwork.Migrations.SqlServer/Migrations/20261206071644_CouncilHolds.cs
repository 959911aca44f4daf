using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.SqlServer.Migrations
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
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    InvoiceId = table.Column<int>(type: "int", nullable: false),
                    ExpectedBy = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLifted = table.Column<bool>(type: "bit", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CouncilHoldId = table.Column<int>(type: "int", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    PreviousDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false)
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
