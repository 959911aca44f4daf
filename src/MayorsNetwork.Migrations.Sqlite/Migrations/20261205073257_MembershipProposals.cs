using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MembershipProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MembershipProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ApplicantName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Population = table.Column<int>(type: "INTEGER", nullable: false),
                    CensusYear = table.Column<int>(type: "INTEGER", nullable: false),
                    MayorTitle = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Mayor_Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Mayor_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Mayor_Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    MayorTermEnds = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Liaison_Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Liaison_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Liaison_Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Billing_Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Billing_Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Billing_Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BillingAddress = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembershipProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembershipProposals_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MembershipProposals_ApplicantUserId",
                table: "MembershipProposals",
                column: "ApplicantUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MembershipProposals_OnePending",
                table: "MembershipProposals",
                column: "MembershipId",
                unique: true,
                filter: "\"Status\" = 'Pending'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MembershipProposals");
        }
    }
}
