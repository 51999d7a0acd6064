using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iskra.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Billing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CostFinal",
                table: "transactions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CostJson",
                table: "transactions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdTagGroup",
                table: "transactions",
                type: "character varying(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TariffId",
                table: "transactions",
                type: "character varying(36)",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TariffVersion",
                table: "transactions",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cdrs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TransactionDbId = table.Column<long>(type: "bigint", nullable: false),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    OcppVersion = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    EvseId = table.Column<int>(type: "integer", nullable: false),
                    ConnectorId = table.Column<int>(type: "integer", nullable: false),
                    IdTag = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    IdTagGroup = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StoppedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    MeterStartWh = table.Column<decimal>(type: "numeric", nullable: true),
                    MeterStopWh = table.Column<decimal>(type: "numeric", nullable: true),
                    EnergyWh = table.Column<decimal>(type: "numeric", nullable: false),
                    ChargingHours = table.Column<decimal>(type: "numeric", nullable: false),
                    ParkingHours = table.Column<decimal>(type: "numeric", nullable: false),
                    TariffId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    TariffVersion = table.Column<int>(type: "integer", nullable: false),
                    TariffJson = table.Column<string>(type: "text", nullable: false),
                    Currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    AmountExclVat = table.Column<decimal>(type: "numeric", nullable: false),
                    Vat = table.Column<decimal>(type: "numeric", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric", nullable: false),
                    CostJson = table.Column<string>(type: "text", nullable: false),
                    Flags = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SignedDataJson = table.Column<string>(type: "text", nullable: true),
                    CorrectsId = table.Column<long>(type: "bigint", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cdrs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tariff_versions",
                columns: table => new
                {
                    TariffId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tariff_versions", x => new { x.TariffId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "tariffs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    AssignmentJson = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DeletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tariffs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_IdTagGroup_StartedAt",
                table: "transactions",
                columns: new[] { "IdTagGroup", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_transactions_IdTag_StartedAt",
                table: "transactions",
                columns: new[] { "IdTag", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cdrs_CorrectsId",
                table: "cdrs",
                column: "CorrectsId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_cdrs_IdTagGroup_StoppedAt",
                table: "cdrs",
                columns: new[] { "IdTagGroup", "StoppedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cdrs_IdTag_StoppedAt",
                table: "cdrs",
                columns: new[] { "IdTag", "StoppedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cdrs_StationId_StoppedAt",
                table: "cdrs",
                columns: new[] { "StationId", "StoppedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_cdrs_StoppedAt",
                table: "cdrs",
                column: "StoppedAt");

            migrationBuilder.CreateIndex(
                name: "IX_cdrs_TransactionDbId",
                table: "cdrs",
                column: "TransactionDbId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cdrs");

            migrationBuilder.DropTable(
                name: "tariff_versions");

            migrationBuilder.DropTable(
                name: "tariffs");

            migrationBuilder.DropIndex(
                name: "IX_transactions_IdTagGroup_StartedAt",
                table: "transactions");

            migrationBuilder.DropIndex(
                name: "IX_transactions_IdTag_StartedAt",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "CostFinal",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "CostJson",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "IdTagGroup",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "TariffId",
                table: "transactions");

            migrationBuilder.DropColumn(
                name: "TariffVersion",
                table: "transactions");
        }
    }
}
