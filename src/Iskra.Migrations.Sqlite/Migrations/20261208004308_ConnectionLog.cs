using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConnectionLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "station_connections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    ConnectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DisconnectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    OcppVersion = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_station_connections", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_station_connections_StationId_ConnectedAt",
                table: "station_connections",
                columns: new[] { "StationId", "ConnectedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "station_connections");
        }
    }
}
