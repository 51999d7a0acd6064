using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iskra.Server.Api;

/// <summary>Source-generated JSON for the API's own types (camelCase, as SPEC §2.2 says).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(CommandResponse))]
[JsonSerializable(typeof(ItemPage<ApiKeyView>))]
[JsonSerializable(typeof(NewApiKey))]
[JsonSerializable(typeof(CreatedApiKey))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(ItemPage<ChargingProfileView>))]
[JsonSerializable(typeof(ItemPage<ReservationView>))]
[JsonSerializable(typeof(LocalListView))]
[JsonSerializable(typeof(ItemPage<StationFileView>))]
[JsonSerializable(typeof(ItemPage<UploadRequestView>))]
[JsonSerializable(typeof(UploadReceipt))]
[JsonSerializable(typeof(FirmwareImageView))]
[JsonSerializable(typeof(ItemPage<FirmwareImageView>))]
[JsonSerializable(typeof(ItemPage<FirmwareUpdateView>))]
[JsonSerializable(typeof(StationView))]
[JsonSerializable(typeof(ItemPage<StationView>))]
[JsonSerializable(typeof(StationRegistration))]
[JsonSerializable(typeof(StationChanges))]
[JsonSerializable(typeof(ItemPage<ConnectionAttemptView>))]
[JsonSerializable(typeof(ItemPage<MessageView>))]
[JsonSerializable(typeof(IdTagView))]
[JsonSerializable(typeof(ItemPage<IdTagView>))]
[JsonSerializable(typeof(TransactionView))]
[JsonSerializable(typeof(ItemPage<TransactionView>))]
[JsonSerializable(typeof(AlarmView))]
[JsonSerializable(typeof(ItemPage<AlarmView>))]
[JsonSerializable(typeof(ItemPage<AuditView>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
