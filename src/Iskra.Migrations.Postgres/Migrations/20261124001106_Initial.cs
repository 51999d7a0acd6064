using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Iskra.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alarms",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "integer", nullable: true),
                    ConnectorId = table.Column<int>(type: "integer", nullable: true),
                    Source = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "connection_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RemoteAddress = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StationId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_connection_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "connectors",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "integer", nullable: false),
                    ConnectorId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Info = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    VendorErrorCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_connectors", x => new { x.StationId, x.EvseId, x.ConnectorId });
                });

            migrationBuilder.CreateTable(
                name: "device_model",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Component = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ComponentInstance = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    EvseId = table.Column<int>(type: "integer", nullable: false),
                    ConnectorId = table.Column<int>(type: "integer", nullable: false),
                    Variable = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    VariableInstance = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    AttributeType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: true),
                    Mutability = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    DataType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReportRequestId = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_model", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Cause = table.Column<int>(type: "integer", nullable: true),
                    ActualValue = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: false),
                    TechCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    TechInfo = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Cleared = table.Column<bool>(type: "boolean", nullable: true),
                    TransactionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    VariableMonitoringId = table.Column<int>(type: "integer", nullable: true),
                    EventNotificationType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Component = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    ComponentInstance = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    EvseId = table.Column<int>(type: "integer", nullable: true),
                    ConnectorId = table.Column<int>(type: "integer", nullable: true),
                    Variable = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    VariableInstance = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "id_tags",
                columns: table => new
                {
                    Value = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ExpiryDate = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ParentIdTag = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_tags", x => x.Value);
                });

            migrationBuilder.CreateTable(
                name: "station_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Action = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    RequestId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_station_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    SecurityProfile = table.Column<int>(type: "integer", nullable: false),
                    PasswordHash = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RegistrationStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    OcppVersion = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Vendor = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Model = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    SerialNumber = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: true),
                    FirmwareVersion = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    ChargeBoxSerialNumber = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: true),
                    Iccid = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Imsi = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    MeterType = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: true),
                    MeterSerialNumber = table.Column<string>(type: "character varying(25)", maxLength: 25, nullable: true),
                    LastBootReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    LastBootAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastSeen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastConnectedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "status_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "integer", nullable: false),
                    ConnectorId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Info = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    VendorId = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    VendorErrorCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "traffic",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Incoming = table.Column<bool>(type: "boolean", nullable: false),
                    Frame = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traffic", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "transactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    TransactionId = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: false),
                    EvseId = table.Column<int>(type: "integer", nullable: false),
                    ConnectorId = table.Column<int>(type: "integer", nullable: false),
                    IdTag = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    IdTagStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    StoppedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    MeterStartWh = table.Column<decimal>(type: "numeric", nullable: true),
                    MeterStopWh = table.Column<decimal>(type: "numeric", nullable: true),
                    EnergyWh = table.Column<decimal>(type: "numeric", nullable: true),
                    StopReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Cost = table.Column<decimal>(type: "numeric", nullable: true),
                    ChargingState = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    RemoteStartId = table.Column<int>(type: "integer", nullable: true),
                    ReservationId = table.Column<int>(type: "integer", nullable: true),
                    StartKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LastSeqNo = table.Column<int>(type: "integer", nullable: true),
                    LastLiveAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastMeterAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Problems = table.Column<int>(type: "integer", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meter_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StationId = table.Column<string>(type: "character varying(48)", maxLength: 48, nullable: false),
                    TransactionDbId = table.Column<long>(type: "bigint", nullable: true),
                    EvseId = table.Column<int>(type: "integer", nullable: false),
                    ConnectorId = table.Column<int>(type: "integer", nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Value = table.Column<string>(type: "character varying(2500)", maxLength: 2500, nullable: false),
                    Measurand = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Phase = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Multiplier = table.Column<int>(type: "integer", nullable: true),
                    Context = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Location = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    Format = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    SignedData = table.Column<string>(type: "text", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meter_values", x => x.Id);
                    table.ForeignKey(
                        name: "FK_meter_values_transactions_TransactionDbId",
                        column: x => x.TransactionDbId,
                        principalTable: "transactions",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "transaction_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TransactionDbId = table.Column<long>(type: "bigint", nullable: false),
                    SeqNo = table.Column<int>(type: "integer", nullable: false),
                    EventType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TriggerReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Offline = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transaction_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_transaction_events_transactions_TransactionDbId",
                        column: x => x.TransactionDbId,
                        principalTable: "transactions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alarms_StationId_RaisedAt",
                table: "alarms",
                columns: new[] { "StationId", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_connection_attempts_Timestamp",
                table: "connection_attempts",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_device_model_StationId_Component_ComponentInstance_EvseId_C~",
                table: "device_model",
                columns: new[] { "StationId", "Component", "ComponentInstance", "EvseId", "ConnectorId", "Variable", "VariableInstance", "AttributeType" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_events_StationId_Timestamp",
                table: "events",
                columns: new[] { "StationId", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_meter_values_StationId_Timestamp",
                table: "meter_values",
                columns: new[] { "StationId", "Timestamp" });

            migrationBuilder.CreateIndex(
                name: "IX_meter_values_TransactionDbId",
                table: "meter_values",
                column: "TransactionDbId");

            migrationBuilder.CreateIndex(
                name: "IX_station_notices_StationId_Action_Id",
                table: "station_notices",
                columns: new[] { "StationId", "Action", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_status_events_StationId_Id",
                table: "status_events",
                columns: new[] { "StationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_traffic_StationId_Id",
                table: "traffic",
                columns: new[] { "StationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_traffic_Timestamp",
                table: "traffic",
                column: "Timestamp");

            migrationBuilder.CreateIndex(
                name: "IX_transaction_events_TransactionDbId_SeqNo",
                table: "transaction_events",
                columns: new[] { "TransactionDbId", "SeqNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transactions_StartedAt",
                table: "transactions",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_transactions_StationId_StartKey",
                table: "transactions",
                columns: new[] { "StationId", "StartKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transactions_StationId_TransactionId",
                table: "transactions",
                columns: new[] { "StationId", "TransactionId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alarms");

            migrationBuilder.DropTable(
                name: "connection_attempts");

            migrationBuilder.DropTable(
                name: "connectors");

            migrationBuilder.DropTable(
                name: "device_model");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropTable(
                name: "id_tags");

            migrationBuilder.DropTable(
                name: "meter_values");

            migrationBuilder.DropTable(
                name: "station_notices");

            migrationBuilder.DropTable(
                name: "stations");

            migrationBuilder.DropTable(
                name: "status_events");

            migrationBuilder.DropTable(
                name: "traffic");

            migrationBuilder.DropTable(
                name: "transaction_events");

            migrationBuilder.DropTable(
                name: "transactions");
        }
    }
}
