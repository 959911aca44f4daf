using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsNetwork.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MemberDirectory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Governments_State",
                table: "Governments");

            migrationBuilder.CreateIndex(
                name: "IX_Governments_State_NameKey",
                table: "Governments",
                columns: new[] { "State", "NameKey" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Governments_State_NameKey",
                table: "Governments");

            migrationBuilder.CreateIndex(
                name: "IX_Governments_State",
                table: "Governments",
                column: "State");
        }
    }
}
