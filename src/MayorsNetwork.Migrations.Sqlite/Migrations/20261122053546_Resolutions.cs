using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Resolutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Resolutions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TextMarkdown = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SponsorMembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    SponsorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SponsorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SponsorCity = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CommitteeId = table.Column<int>(type: "INTEGER", nullable: true),
                    PassRule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuorumPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Resolutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Resolutions_Bodies_CommitteeId",
                        column: x => x.CommitteeId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Resolutions_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Resolutions_Memberships_SponsorMembershipId",
                        column: x => x.SponsorMembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cosponsors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    MayorName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    InvitedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cosponsors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cosponsors_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cosponsors_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ResolutionChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResolutionChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResolutionChanges_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Votes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResolutionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpenedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    PassRule = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    QuorumPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    ElectorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Yes = table.Column<int>(type: "INTEGER", nullable: true),
                    No = table.Column<int>(type: "INTEGER", nullable: true),
                    Abstain = table.Column<int>(type: "INTEGER", nullable: true),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Votes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Votes_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Votes_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Votes_Resolutions_ResolutionId",
                        column: x => x.ResolutionId,
                        principalTable: "Resolutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Electors",
                columns: table => new
                {
                    VoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    GovernmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    City = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    DelegateName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AlternateName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    AlternateEmailKey = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Electors", x => new { x.VoteId, x.MembershipId });
                    table.ForeignKey(
                        name: "FK_Electors_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Electors_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Ballots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VoteId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    Choice = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CastByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CastByName = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CastAs = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    CastAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ballots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ballots_Electors_VoteId_MembershipId",
                        columns: x => new { x.VoteId, x.MembershipId },
                        principalTable: "Electors",
                        principalColumns: new[] { "VoteId", "MembershipId" },
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Ballots_Votes_VoteId",
                        column: x => x.VoteId,
                        principalTable: "Votes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_OnePerCityPerVote",
                table: "Ballots",
                columns: new[] { "VoteId", "MembershipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ballots_VoteId_Choice",
                table: "Ballots",
                columns: new[] { "VoteId", "Choice" });

            migrationBuilder.CreateIndex(
                name: "IX_Cosponsors_MembershipId",
                table: "Cosponsors",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Cosponsors_OnePerCityPerResolution",
                table: "Cosponsors",
                columns: new[] { "ResolutionId", "MembershipId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Electors_MembershipId",
                table: "Electors",
                column: "MembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Electors_VoteId_AlternateEmailKey",
                table: "Electors",
                columns: new[] { "VoteId", "AlternateEmailKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Electors_VoteId_GovernmentId",
                table: "Electors",
                columns: new[] { "VoteId", "GovernmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ResolutionChanges_ResolutionId",
                table: "ResolutionChanges",
                column: "ResolutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_CommitteeId",
                table: "Resolutions",
                column: "CommitteeId");

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_MeetingId_Status",
                table: "Resolutions",
                columns: new[] { "MeetingId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Resolutions_SponsorMembershipId",
                table: "Resolutions",
                column: "SponsorMembershipId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_BodyId",
                table: "Votes",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_MeetingId",
                table: "Votes",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_Votes_OnePerResolutionAndStage",
                table: "Votes",
                columns: new[] { "ResolutionId", "Stage" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ballots");

            migrationBuilder.DropTable(
                name: "Cosponsors");

            migrationBuilder.DropTable(
                name: "ResolutionChanges");

            migrationBuilder.DropTable(
                name: "Electors");

            migrationBuilder.DropTable(
                name: "Votes");

            migrationBuilder.DropTable(
                name: "Resolutions");
        }
    }
}
