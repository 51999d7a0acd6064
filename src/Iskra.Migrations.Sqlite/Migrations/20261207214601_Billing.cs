using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "CostJson",
                table: "transactions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdTagGroup",
                table: "transactions",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TariffId",
                table: "transactions",
                type: "TEXT",
                maxLength: 36,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "TariffVersion",
                table: "transactions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cdrs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransactionDbId = table.Column<long>(type: "INTEGER", nullable: false),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    OcppVersion = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    IdTag = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    IdTagGroup = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    MeterStartWh = table.Column<decimal>(type: "TEXT", nullable: true),
                    MeterStopWh = table.Column<decimal>(type: "TEXT", nullable: true),
                    EnergyWh = table.Column<decimal>(type: "TEXT", nullable: false),
                    ChargingHours = table.Column<decimal>(type: "TEXT", nullable: false),
                    ParkingHours = table.Column<decimal>(type: "TEXT", nullable: false),
                    TariffId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    TariffVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    TariffJson = table.Column<string>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AmountExclVat = table.Column<decimal>(type: "TEXT", nullable: false),
                    Vat = table.Column<decimal>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    CostJson = table.Column<string>(type: "TEXT", nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SignedDataJson = table.Column<string>(type: "TEXT", nullable: true),
                    CorrectsId = table.Column<long>(type: "INTEGER", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cdrs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tariff_versions",
                columns: table => new
                {
                    TariffId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tariff_versions", x => new { x.TariffId, x.Version });
                });

            migrationBuilder.CreateTable(
                name: "tariffs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    AssignmentJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeletedAt = table.Column<long>(type: "INTEGER", nullable: true)
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
