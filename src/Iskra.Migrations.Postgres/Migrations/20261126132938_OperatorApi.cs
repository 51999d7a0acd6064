using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iskra.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OperatorApi : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_api_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "audit",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: false),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Command = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Request = table.Column<string>(type: "text", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Response = table.Column<string>(type: "text", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit", x => x.Id);
                });

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
                name: "firmware_images",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_firmware_images", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "firmware_updates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    RequestId = table.Column<int>(type: "integer", nullable: true),
                    FirmwareImageId = table.Column<long>(type: "bigint", nullable: true),
                    Location = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    RetrieveDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InstallDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Failure = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Actor = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_firmware_updates", x => x.Id);
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
                name: "remote_starts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    ConnectorId = table.Column<int>(type: "integer", nullable: true),
                    IdTag = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Failure = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TransactionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_remote_starts", x => x.Id);
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
                    Failure = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reservations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "station_configuration",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Value = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Readonly = table.Column<bool>(type: "boolean", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_station_configuration", x => new { x.StationId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "upload_requests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    LogType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RequestId = table.Column<int>(type: "integer", nullable: true),
                    Token = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Location = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Failure = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Actor = table.Column<string>(type: "character varying(130)", maxLength: 130, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_upload_requests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhooks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Events = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: true),
                    Secret = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastFailureAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastError = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Failures = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhooks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "firmware_update_statuses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FirmwareUpdateId = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_firmware_update_statuses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_firmware_update_statuses_firmware_updates_FirmwareUpdateId",
                        column: x => x.FirmwareUpdateId,
                        principalTable: "firmware_updates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "station_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    UploadRequestId = table.Column<long>(type: "bigint", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    StoredName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_station_files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_station_files_upload_requests_UploadRequestId",
                        column: x => x.UploadRequestId,
                        principalTable: "upload_requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_StationId_Id",
                table: "audit",
                columns: new[] { "StationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_charging_profiles_StationId_ChargingProfileId",
                table: "charging_profiles",
                columns: new[] { "StationId", "ChargingProfileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_firmware_update_statuses_FirmwareUpdateId",
                table: "firmware_update_statuses",
                column: "FirmwareUpdateId");

            migrationBuilder.CreateIndex(
                name: "IX_firmware_updates_StationId_Id",
                table: "firmware_updates",
                columns: new[] { "StationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_remote_starts_StationId_IdTag_RequestedAt",
                table: "remote_starts",
                columns: new[] { "StationId", "IdTag", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_reservations_ReservationId",
                table: "reservations",
                column: "ReservationId");

            migrationBuilder.CreateIndex(
                name: "IX_reservations_StationId_ReservationId",
                table: "reservations",
                columns: new[] { "StationId", "ReservationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_station_files_StationId_Id",
                table: "station_files",
                columns: new[] { "StationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_station_files_UploadRequestId",
                table: "station_files",
                column: "UploadRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_upload_requests_StationId_Id",
                table: "upload_requests",
                columns: new[] { "StationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_upload_requests_Token",
                table: "upload_requests",
                column: "Token",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit");

            migrationBuilder.DropTable(
                name: "charging_profiles");

            migrationBuilder.DropTable(
                name: "firmware_images");

            migrationBuilder.DropTable(
                name: "firmware_update_statuses");

            migrationBuilder.DropTable(
                name: "local_lists");

            migrationBuilder.DropTable(
                name: "remote_starts");

            migrationBuilder.DropTable(
                name: "reservations");

            migrationBuilder.DropTable(
                name: "station_configuration");

            migrationBuilder.DropTable(
                name: "station_files");

            migrationBuilder.DropTable(
                name: "webhooks");

            migrationBuilder.DropTable(
                name: "firmware_updates");

            migrationBuilder.DropTable(
                name: "upload_requests");
        }
    }
}
