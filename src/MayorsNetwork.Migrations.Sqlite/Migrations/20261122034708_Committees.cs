using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Committees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Bodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DescriptionMarkdown = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Seats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MembershipId = table.Column<int>(type: "INTEGER", nullable: false),
                    MayorName = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    MayorNameKey = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AppointedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    AppointedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    EndedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Seats_Bodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "Bodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Seats_Memberships_MembershipId",
                        column: x => x.MembershipId,
                        principalTable: "Memberships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SeatChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeatChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeatChanges_Seats_SeatId",
                        column: x => x.SeatId,
                        principalTable: "Seats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Bodies_Slug",
                table: "Bodies",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SeatChanges_SeatId_AtUtc",
                table: "SeatChanges",
                columns: new[] { "SeatId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Seats_EndedAtUtc_EndsOn",
                table: "Seats",
                columns: new[] { "EndedAtUtc", "EndsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Seats_MembershipId_EndedAtUtc",
                table: "Seats",
                columns: new[] { "MembershipId", "EndedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Seats_OneChairAndViceChairPerBody",
                table: "Seats",
                columns: new[] { "BodyId", "Role" },
                unique: true,
                filter: "\"EndedAtUtc\" IS NULL AND \"Role\" IN ('Chair', 'ViceChair')");

            migrationBuilder.CreateIndex(
                name: "IX_Seats_OneOpenSeatPerCityPerBody",
                table: "Seats",
                columns: new[] { "BodyId", "MembershipId" },
                unique: true,
                filter: "\"EndedAtUtc\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SeatChanges");

            migrationBuilder.DropTable(
                name: "Seats");

            migrationBuilder.DropTable(
                name: "Bodies");
        }
    }
}
