using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MayorsNetwork.Migrations.Postgres.Migrations
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
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "BillingCc",
                table: "Governments",
                type: "character varying(254)[]",
                maxLength: 2000,
                nullable: false,
                // Existing cities start with no CC address (EF leaves the default out for an array column).
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<Guid>(
                name: "BillingContactsVersion",
                table: "Governments",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "BillingContactChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GovernmentId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Before = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    After = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    ByEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false)
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
