using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdminAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "StationId",
                table: "audit",
                type: "TEXT",
                maxLength: 48,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 48);

            migrationBuilder.AddColumn<string>(
                name: "Fields",
                table: "audit",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Target",
                table: "audit",
                type: "TEXT",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Fields",
                table: "audit");

            migrationBuilder.DropColumn(
                name: "Target",
                table: "audit");

            migrationBuilder.AlterColumn<string>(
                name: "StationId",
                table: "audit",
                type: "TEXT",
                maxLength: 48,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 48,
                oldNullable: true);
        }
    }
}
