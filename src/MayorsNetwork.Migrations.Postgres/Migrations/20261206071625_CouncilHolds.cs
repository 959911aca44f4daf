using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MayorsNetwork.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<int>(type: "integer", nullable: false),
                    ExpectedBy = table.Column<DateOnly>(type: "date", nullable: false),
                    IsLifted = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CouncilHoldId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    On = table.Column<DateOnly>(type: "date", nullable: false),
                    PreviousDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ExpectedBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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
