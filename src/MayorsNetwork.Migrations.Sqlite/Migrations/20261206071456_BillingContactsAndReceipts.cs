using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BillingContactsAndReceipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PaymentId",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BillingCc",
                table: "Governments",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "BillingContactsVersion",
                table: "Governments",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "BillingContactChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    GovernmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    After = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ByEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BillingContactChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BillingContactChanges_Governments_GovernmentId",
                        column: x => x.GovernmentId,
                        principalTable: "Governments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_PaymentId",
                table: "OutboxMessages",
                column: "PaymentId");

            migrationBuilder.CreateIndex(
                name: "IX_BillingContactChanges_GovernmentId_AtUtc",
                table: "BillingContactChanges",
                columns: new[] { "GovernmentId", "AtUtc" });

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_Payments_PaymentId",
                table: "OutboxMessages",
                column: "PaymentId",
                principalTable: "Payments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_Payments_PaymentId",
                table: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "BillingContactChanges");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_PaymentId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PaymentId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "BillingCc",
                table: "Governments");

            migrationBuilder.DropColumn(
                name: "BillingContactsVersion",
                table: "Governments");
        }
    }
}
