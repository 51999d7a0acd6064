using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdmissionLimits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Rows written before aggregation each count one refusal, first and last at their time.
            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "connection_attempts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<long>(
                name: "FirstSeen",
                table: "connection_attempts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.Sql("UPDATE connection_attempts SET \"FirstSeen\" = \"Timestamp\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Count",
                table: "connection_attempts");

            migrationBuilder.DropColumn(
                name: "FirstSeen",
                table: "connection_attempts");
        }
    }
}
