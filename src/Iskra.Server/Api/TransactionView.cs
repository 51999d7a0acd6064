using System.Text.Json;
using Iskra.Csms.Transactions;

namespace Iskra.Server.Api;

/// <summary>
/// A charging session as SPEC §2.2 shapes it: <see cref="Id"/> is Iskra's, <see cref="TransactionId"/> the
/// OCPP one (the 1.6 integer or the 2.0.1 string, <see cref="OcppTransactionId"/>); <see cref="Problems"/> lists
/// business problems found in its messages. <see cref="MeterValues"/> is only in the single view.
/// <see cref="ConnectorId"/> is null while not known (a 2.0.1 session named by an EVSE with several
/// connectors), never 0 (the station); <see cref="IdTagSource"/> says whether the station sent the
/// idTag or it is the remote start's. <see cref="Cost"/> is null while no tariff applies (docs/billing.md): the
/// running cost while the session runs, final once it has ended.
/// </summary>
public sealed record TransactionView(
    long Id,
    JsonElement TransactionId,
    string StationId,
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
    Iskra.Csms.Tariffs.TransactionCost? Cost,
    int? RemoteStartId,
    bool Active,
    IReadOnlyList<string> Problems)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MeterValueView>? MeterValues { get; init; }

    public static TransactionView From(ChargingTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return new(tx.Id, OcppTransactionId.Of(tx), tx.StationId, tx.ConnectorId == 0 ? null : tx.ConnectorId, tx.EvseId, tx.IdTag, tx.IdTagSource, tx.StartedAt, tx.StoppedAt,
            tx.MeterStartWh, tx.MeterStopWh, tx.EnergyWh, tx.StopReason, Iskra.Csms.Tariffs.TransactionCost.Of(tx), tx.RemoteStartId, tx.StoppedAt is null,
            [.. Enum.GetValues<TransactionProblems>().Where(p => p != TransactionProblems.None && tx.Problems.HasFlag(p)).Select(p => p.ToString())]);
    }
}
