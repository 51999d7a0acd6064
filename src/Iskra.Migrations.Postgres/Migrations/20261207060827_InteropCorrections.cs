using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InteropCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_meter_values_TransactionDbId",
                table: "meter_values");

            migrationBuilder.AddColumn<string>(
                name: "IdTagSource",
                table: "transactions",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "SampleKey",
                table: "meter_values",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Reported",
                table: "firmware_update_statuses",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_meter_values_TransactionDbId_SampleKey",
                table: "meter_values",
                columns: new[] { "TransactionDbId", "SampleKey" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_meter_values_TransactionDbId_SampleKey",
                table: "meter_values");

            migrationBuilder.DropColumn(
                name: "IdTagSource",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "SampleKey",
                table: "meter_values");

            migrationBuilder.DropColumn(
                name: "Reported",
                table: "firmware_update_statuses");

            migrationBuilder.CreateIndex(
                name: "IX_meter_values_TransactionDbId",
                table: "meter_values",
                column: "TransactionDbId");
        }
    }
}
