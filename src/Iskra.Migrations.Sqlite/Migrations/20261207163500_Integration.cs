using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Integration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "catalog_models",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 101, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_models", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "lab_frames",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Seq = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    FromStation = table.Column<bool>(type: "INTEGER", nullable: false),
                    Frame = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lab_frames", x => new { x.RunId, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "lab_runs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Suite = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FirmwareVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    View = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_lab_runs", x => x.Id);
                });

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

            migrationBuilder.CreateTable(
                name: "catalog_notes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 130, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Firmware = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_notes_catalog_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "catalog_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ModelId = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    FirmwareVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    OcppVersion = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_runs_catalog_models_ModelId",
                        column: x => x.ModelId,
                        principalTable: "catalog_models",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "catalog_run_profiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CatalogRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Passed = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Skipped = table.Column<int>(type: "INTEGER", nullable: false),
                    NotApplicable = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalog_run_profiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_catalog_run_profiles_catalog_runs_CatalogRunId",
                        column: x => x.CatalogRunId,
                        principalTable: "catalog_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_models_Key",
                table: "catalog_models",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_notes_ModelId_Firmware",
                table: "catalog_notes",
                columns: new[] { "ModelId", "Firmware" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_catalog_run_profiles_CatalogRunId",
                table: "catalog_run_profiles",
                column: "CatalogRunId");

            migrationBuilder.CreateIndex(
                name: "IX_catalog_runs_ModelId_FinishedAt",
                table: "catalog_runs",
                columns: new[] { "ModelId", "FinishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_catalog_runs_RunId",
                table: "catalog_runs",
                column: "RunId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_lab_runs_StationId_CreatedAt",
                table: "lab_runs",
                columns: new[] { "StationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_lab_runs_Status",
                table: "lab_runs",
                column: "Status");

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
                name: "catalog_notes");

            migrationBuilder.DropTable(
                name: "catalog_run_profiles");

            migrationBuilder.DropTable(
                name: "lab_frames");

            migrationBuilder.DropTable(
                name: "lab_runs");

            migrationBuilder.DropTable(
                name: "station_findings");

            migrationBuilder.DropTable(
                name: "catalog_runs");

            migrationBuilder.DropTable(
                name: "catalog_models");
        }
    }
}
