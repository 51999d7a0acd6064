using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_transactions_running",
                table: "transactions",
                column: "StationId",
                filter: "\"StoppedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_status_events_StationId_Timestamp",
                table: "status_events",
                columns: new[] { "StationId", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_station_notices_Action_Id",
                table: "station_notices",
                columns: new[] { "Action", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_transactions_running",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_status_events_StationId_Timestamp",
                table: "status_events");

            migrationBuilder.DropIndex(
                name: "IX_station_notices_Action_Id",
                table: "station_notices");
        }
    }
}
