using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PassiveWip : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "station_findings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Check = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Requirement = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Expected = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Observed = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Fix = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FirstSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Frames = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_station_findings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_station_findings_StationId_Check",
                table: "station_findings",
                columns: new[] { "StationId", "Check" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_station_findings_Vendor_Model_Check",
                table: "station_findings",
                columns: new[] { "Vendor", "Model", "Check" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "station_findings");
        }
    }
}
