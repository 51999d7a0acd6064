using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Routing;

namespace Iskra.Csms;

/// <summary>Source-generated JSON for the few records the CSMS writes itself.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ConnectionReplaced))]
[JsonSerializable(typeof(Stations.AuthenticationFailure))]
[JsonSerializable(typeof(Reports.ReportChainProblem))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(CommandEvent))]
[JsonSerializable(typeof(List<Authorization.LocalListEntry>))]
[JsonSerializable(typeof(Iskra.Csms.Events.StationConnectionData))]
[JsonSerializable(typeof(Iskra.Csms.Events.StatusChangedData))]
[JsonSerializable(typeof(Iskra.Csms.Events.TransactionData))]
[JsonSerializable(typeof(Iskra.Csms.Events.AlarmData))]
[JsonSerializable(typeof(Iskra.Csms.Events.StationData))]
[JsonSerializable(typeof(Iskra.Csms.Events.StationDeletedData))]
[JsonSerializable(typeof(Iskra.Csms.Events.FirmwareStatusData))]
[JsonSerializable(typeof(Iskra.Csms.Events.LogStatusData))]
[JsonSerializable(typeof(Iskra.Csms.Events.ReservationStatusData))]
[JsonSerializable(typeof(Iskra.Csms.Events.AlarmAcknowledgedData))]
[JsonSerializable(typeof(Iskra.Csms.Events.FindingData))]
[JsonSerializable(typeof(Iskra.Csms.Events.CdrIssuedData))]
[JsonSerializable(typeof(Iskra.Csms.Integration.EvidenceFrame[]))]
internal sealed partial class CsmsJsonContext : JsonSerializerContext;
