using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iskra.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Vendor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Model = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Check = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Requirement = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Expected = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Observed = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Fix = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FirstSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false),
                    Frames = table.Column<string>(type: "text", nullable: false)
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
