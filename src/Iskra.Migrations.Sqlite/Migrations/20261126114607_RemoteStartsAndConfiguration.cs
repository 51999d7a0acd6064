using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RemoteStartsAndConfiguration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "remote_starts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    IdTag = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    RequestedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_starts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "station_configuration",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Readonly = table.Column<bool>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_station_configuration", x => new { x.StationId, x.Key });
                });

            migrationBuilder.CreateIndex(
                name: "IX_remote_starts_StationId_IdTag_RequestedAt",
                table: "remote_starts",
                columns: new[] { "StationId", "IdTag", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "remote_starts");

            migrationBuilder.DropTable(
                name: "station_configuration");
        }
    }
}
