using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace MayorsNetwork.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MembershipId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ApplicantUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ApplicantName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    DecisionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    CensusYear = table.Column<int>(type: "integer", nullable: false),
                    MayorTitle = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Mayor_Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Mayor_Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Mayor_Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MayorTermEnds = table.Column<DateOnly>(type: "date", nullable: true),
                    Liaison_Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Liaison_Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Liaison_Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Billing_Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Billing_Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Billing_Phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    BillingAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
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
