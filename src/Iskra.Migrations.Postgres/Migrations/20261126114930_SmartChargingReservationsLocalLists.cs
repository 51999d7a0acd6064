using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iskra.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SmartChargingReservationsLocalLists : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "charging_profiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "integer", nullable: false),
                    ChargingProfileId = table.Column<int>(type: "integer", nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StackLevel = table.Column<int>(type: "integer", nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    Profile = table.Column<string>(type: "text", nullable: false),
                    SetAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_charging_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "local_lists",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ListVersion = table.Column<int>(type: "integer", nullable: true),
                    Entries = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportedVersion = table.Column<int>(type: "integer", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_local_lists", x => x.StationId);
                });

            migrationBuilder.CreateTable(
                name: "reservations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ReservationId = table.Column<int>(type: "integer", nullable: false),
                    ConnectorId = table.Column<int>(type: "integer", nullable: true),
                    IdTag = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    ParentIdTag = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    ExpiryDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_charging_profiles_StationId_ChargingProfileId",
                table: "charging_profiles",
                columns: new[] { "StationId", "ChargingProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_reservations_ReservationId",
                table: "reservations",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_reservations_StationId_ReservationId",
                table: "reservations",
                columns: new[] { "StationId", "ReservationId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "charging_profiles");

            migrationBuilder.DropTable(
                name: "local_lists");

            migrationBuilder.DropTable(
                name: "reservations");
        }
    }
}
