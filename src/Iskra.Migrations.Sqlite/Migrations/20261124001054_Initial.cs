using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "connection_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    RemoteAddress = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_connection_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "connectors",
                columns: table => new
                {
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Info = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    VendorErrorCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_connectors", x => new { x.StationId, x.EvseId, x.ConnectorId });
                });

            migrationBuilder.CreateTable(
                name: "device_model",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ComponentInstance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Variable = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    VariableInstance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    AttributeType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: true),
                    Mutability = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    DataType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReportRequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_device_model", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    EventId = table.Column<int>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Cause = table.Column<int>(type: "INTEGER", nullable: true),
                    ActualValue = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: false),
                    TechCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    TechInfo = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cleared = table.Column<bool>(type: "INTEGER", nullable: true),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    VariableMonitoringId = table.Column<int>(type: "INTEGER", nullable: true),
                    EventNotificationType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Component = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ComponentInstance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: true),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Variable = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    VariableInstance = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "id_tags",
                columns: table => new
                {
                    Value = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ExpiryDate = table.Column<long>(type: "INTEGER", nullable: true),
                    ParentIdTag = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_tags", x => x.Value);
                });

            migrationBuilder.CreateTable(
                name: "station_notices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_station_notices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SecurityProfile = table.Column<int>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RegistrationStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OcppVersion = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Model = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 25, nullable: true),
                    FirmwareVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ChargeBoxSerialNumber = table.Column<string>(type: "TEXT", maxLength: 25, nullable: true),
                    Iccid = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Imsi = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    MeterType = table.Column<string>(type: "TEXT", maxLength: 25, nullable: true),
                    MeterSerialNumber = table.Column<string>(type: "TEXT", maxLength: 25, nullable: true),
                    LastBootReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    LastBootAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastSeen = table.Column<long>(type: "INTEGER", nullable: true),
                    LastConnectedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "status_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Info = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    VendorId = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    VendorErrorCode = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_status_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "traffic",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Incoming = table.Column<bool>(type: "INTEGER", nullable: false),
                    Frame = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_traffic", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "transactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    IdTag = table.Column<string>(type: "TEXT", maxLength: 36, nullable: true),
                    IdTagStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    StoppedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    MeterStartWh = table.Column<decimal>(type: "TEXT", nullable: true),
                    MeterStopWh = table.Column<decimal>(type: "TEXT", nullable: true),
                    EnergyWh = table.Column<decimal>(type: "TEXT", nullable: true),
                    StopReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Cost = table.Column<decimal>(type: "TEXT", nullable: true),
                    ChargingState = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    RemoteStartId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReservationId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastSeqNo = table.Column<int>(type: "INTEGER", nullable: true),
                    LastLiveAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastMeterAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Problems = table.Column<int>(type: "INTEGER", maxLength: 32, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meter_values",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    TransactionDbId = table.Column<long>(type: "INTEGER", nullable: true),
                    EvseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConnectorId = table.Column<int>(type: "INTEGER", nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Value = table.Column<string>(type: "TEXT", maxLength: 2500, nullable: false),
                    Measurand = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Multiplier = table.Column<int>(type: "INTEGER", nullable: true),
                    Context = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Format = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SignedData = table.Column<string>(type: "TEXT", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TransactionDbId = table.Column<long>(type: "INTEGER", nullable: false),
                    SeqNo = table.Column<int>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TriggerReason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Timestamp = table.Column<long>(type: "INTEGER", nullable: false),
                    Offline = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "IX_device_model_StationId_Component_ComponentInstance_EvseId_ConnectorId_Variable_VariableInstance_AttributeType",
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
