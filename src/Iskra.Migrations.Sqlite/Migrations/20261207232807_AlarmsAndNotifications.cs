using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Iskra.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AlarmsAndNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Alarms raised before alarms cleared by themselves: keep their text, close them (a rule reopens what still holds).
            migrationBuilder.Sql("UPDATE alarms SET \"Message\" = \"Code\" WHERE \"Message\" IS NULL OR \"Message\" = ''");

            migrationBuilder.DropIndex(
                name: "IX_alarms_StationId_RaisedAt",
                table: "alarms");

            migrationBuilder.RenameColumn(
                name: "RaisedAt",
                table: "alarms",
                newName: "OpenedAt");

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "alarms",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 1000,
                oldNullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClearedAt",
                table: "alarms",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "alarms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "alarms",
                type: "TEXT",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "LastSeenAt",
                table: "alarms",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "alarms",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Silenced",
                table: "alarms",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Severity",
                table: "alarms",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "alarm_silences",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    From = table.Column<long>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alarm_silences", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "boot_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    BootedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Vendor = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SerialNumber = table.Column<string>(type: "TEXT", maxLength: 25, nullable: true),
                    FirmwareVersion = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    RegistrationStatus = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_boot_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "delivery_attempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OutboxId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DurationMs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_delivery_attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubscriptionId = table.Column<long>(type: "INTEGER", nullable: false),
                    AlarmId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    OutboxId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "notification_subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    WebhookId = table.Column<long>(type: "INTEGER", nullable: true),
                    MinimumSeverity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kinds = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Stations = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DigestSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    IncludeCleared = table.Column<bool>(type: "INTEGER", nullable: false),
                    Enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_notification_subscriptions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DeliveryId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WebhookId = table.Column<long>(type: "INTEGER", nullable: true),
                    SubscriptionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Recipients = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    EventType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    StationId = table.Column<string>(type: "TEXT", maxLength: 48, nullable: true),
                    Body = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    State = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_outbox", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alarms_ClearedAt_StationId_Kind",
                table: "alarms",
                columns: new[] { "ClearedAt", "StationId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_alarms_StationId_OpenedAt",
                table: "alarms",
                columns: new[] { "StationId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_alarm_silences_StationId_Until",
                table: "alarm_silences",
                columns: new[] { "StationId", "Until" });

            migrationBuilder.CreateIndex(
                name: "IX_boot_records_StationId_Id",
                table: "boot_records",
                columns: new[] { "StationId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_delivery_attempts_OutboxId_Id",
                table: "delivery_attempts",
                columns: new[] { "OutboxId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_notification_items_OutboxId_SubscriptionId_Id",
                table: "notification_items",
                columns: new[] { "OutboxId", "SubscriptionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_CreatedAt",
                table: "outbox",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_outbox_DeliveryId",
                table: "outbox",
                column: "DeliveryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_outbox_State_NextAttemptAt",
                table: "outbox",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_SubscriptionId_Id",
                table: "outbox",
                columns: new[] { "SubscriptionId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_outbox_WebhookId_Id",
                table: "outbox",
                columns: new[] { "WebhookId", "Id" });

            migrationBuilder.Sql(
                "UPDATE alarms SET \"Kind\" = CASE \"Source\" WHEN 'StatusNotification' THEN 'ConnectorFaulted' WHEN 'SecurityEventNotification' THEN 'SecurityEvent' "
                + "WHEN 'NotifyEvent' THEN 'StationProblem' ELSE \"Code\" END, "
                + "\"Severity\" = CASE \"Source\" WHEN 'SecurityEventNotification' THEN 'Critical' ELSE 'Major' END, "
                + "\"Count\" = 1, \"LastSeenAt\" = \"OpenedAt\", \"ClearedAt\" = \"OpenedAt\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alarm_silences");

            migrationBuilder.DropTable(
                name: "boot_records");

            migrationBuilder.DropTable(
                name: "delivery_attempts");

            migrationBuilder.DropTable(
                name: "notification_items");

            migrationBuilder.DropTable(
                name: "notification_subscriptions");

            migrationBuilder.DropTable(
                name: "outbox");

            migrationBuilder.DropIndex(
                name: "IX_alarms_ClearedAt_StationId_Kind",
                table: "alarms");

            migrationBuilder.DropIndex(
                name: "IX_alarms_StationId_OpenedAt",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "ClearedAt",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "LastSeenAt",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "Note",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "Silenced",
                table: "alarms");

            migrationBuilder.DropColumn(
                name: "Severity",
                table: "alarms");

            migrationBuilder.RenameColumn(
                name: "OpenedAt",
                table: "alarms",
                newName: "RaisedAt");

            migrationBuilder.AlterColumn<string>(
                name: "Message",
                table: "alarms",
                type: "TEXT",
                maxLength: 1000,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 1000);

            migrationBuilder.CreateIndex(
                name: "IX_alarms_StationId_RaisedAt",
                table: "alarms",
                columns: new[] { "StationId", "RaisedAt" });
        }
    }
}
