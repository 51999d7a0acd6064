using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Hardening : Migration
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

            migrationBuilder.AddColumn<string>(
                name: "PendingPasswordHash",
                table: "stations",
                type: "character varying(200)",
                maxLength: 200,
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

            // Rows written before aggregation each count one refusal, first and last at their time.
            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "connection_attempts",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstSeen",
                table: "connection_attempts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.Sql("UPDATE connection_attempts SET \"FirstSeen\" = \"Timestamp\"");

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
                name: "PendingPasswordHash",
                table: "stations");

            migrationBuilder.DropColumn(
                name: "SampleKey",
                table: "meter_values");

            migrationBuilder.DropColumn(
                name: "Reported",
                table: "firmware_update_statuses");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "connection_attempts");

            migrationBuilder.DropColumn(
                name: "FirstSeen",
                table: "connection_attempts");

            migrationBuilder.CreateIndex(
                name: "IX_meter_values_TransactionDbId",
                table: "meter_values",
                column: "TransactionDbId");
        }
    }
}
