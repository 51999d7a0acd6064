using System.Text.Json;

namespace Iskra.Csms.Events;

/// <summary>
/// The body of <c>transaction.started</c>, <c>transaction.updated</c> (new meter values) and
/// <c>transaction.stopped</c>: Iskra's <see cref="Id"/>, the OCPP <see cref="TransactionId"/> (SPEC §2.2: the
/// 1.6 integer or the 2.0.1 string) and the session's figures once the message is stored. As in the API,
/// <see cref="ConnectorId"/> is null while not known, never 0. <see cref="Cost"/> is the cost as last computed
/// (<c>transaction.cost</c> follows each new computation), final in <c>transaction.stopped</c>.
/// </summary>
public sealed record TransactionData(
    long Id,
    JsonElement TransactionId,
    int? ConnectorId,
    int EvseId,
    string? IdTag,
    string? IdTagSource,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    decimal? MeterStartWh,
    decimal? MeterStopWh,
    decimal? EnergyWh,
    string? StopReason,
    Tariffs.TransactionCost? Cost);
