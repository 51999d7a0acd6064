using System.Collections.Concurrent;
using Iskra.Csms.Events;
using Iskra.Csms.Storage;
using Iskra.Csms.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// Prices sessions (block I): chooses the tariff when a session starts, computes the running cost from what
/// the station has reported, and at the end the final cost and the charge detail record, issued once.
/// Costs are written through the storage writer like every other column of a session (decision 002).
/// </summary>
public sealed class SessionBilling(
    StorageWriter writer,
    IDbContextFactory<IskraDbContext> contexts,
    TariffSelector selector,
    CsmsEvents events,
    IOptions<BillingOptions> options,
    TimeProvider time)
{
    private readonly ConcurrentDictionary<(string, int), TariffDefinition> _versions = new();

    public TariffSelector Selector => selector;

    /// <summary>
    /// Inside a storage-writer batch: chooses the tariff of <paramref name="tx"/> (<see cref="TariffSelector"/>) and
    /// notes the card's group. <paramref name="authorized"/> says that <paramref name="idTagGroup"/> is what
    /// authorization gave for the card (its parent, or none); otherwise the card's stored parent is read.
    /// </summary>
    internal static async ValueTask ChooseTariffAsync(IskraDbContext db, TariffSelector selector, ChargingTransaction tx, bool authorized, string? idTagGroup, CancellationToken ct)
    {
        var group = idTagGroup;
        if (!authorized && tx.IdTag is { } idTag)
        {
            group = await db.IdTags.AsNoTracking().Where(t => t.Value == idTag).Select(t => t.ParentIdTag).FirstOrDefaultAsync(ct).ConfigureAwait(false);
        }

        var connectorType = await selector.ConnectorTypeAsync(db, tx.StationId, tx.EvseId, tx.ConnectorId, ct).ConfigureAwait(false);
        var choice = await selector.SelectAsync(tx.StationId, tx.IdTag, group, connectorType, ct).ConfigureAwait(false);
        tx.IdTagGroup = group;
        tx.TariffId = choice?.TariffId;
        tx.TariffVersion = choice?.Version;
    }

    /// <summary>The running cost of a session from its readings so far, stored and announced (<c>transaction.cost</c>); null when it is not priced or already final.</summary>
    public async Task<(ChargingTransaction Transaction, SessionCost Cost)?> RefreshAsync(string stationId, string transactionId, CancellationToken cancellationToken)
    {
        var priced = await PriceAsync(stationId, transactionId, final: false, cancellationToken).ConfigureAwait(false);
        if (priced is not { } p || p.Transaction.CostFinal || p.Transaction.CostJson == TransactionCost.Write(p.Cost))
        {
            return null;
        }

        var tx = await StoreAsync(stationId, transactionId, p.Cost, null, cancellationToken).ConfigureAwait(false);
        if (tx is null)
        {
            return null;
        }

        events.Transaction(CsmsEventTypes.TransactionCost, tx);
        return (tx, p.Cost);
    }

    /// <summary>
    /// The final cost of an ended session and its charge detail record, issued once: a repeat returns the cost
    /// stored the first time. Null when no tariff applies to the session.
    /// </summary>
    public async Task<SessionCost?> FinalizeAsync(string stationId, string transactionId, CancellationToken cancellationToken)
    {
        var priced = await PriceAsync(stationId, transactionId, final: true, cancellationToken).ConfigureAwait(false);
        if (priced is not { } p)
        {
            return null;
        }

        if (p.Transaction.CostFinal && p.Transaction.CostJson is { } stored)
        {
            return TransactionCost.Read(stored);
        }

        var cdr = await RecordAsync(p.Transaction, p.Definition, p.Cost, cancellationToken).ConfigureAwait(false);
        var tx = await StoreAsync(stationId, transactionId, p.Cost, cdr, cancellationToken).ConfigureAwait(false);
        if (tx is not null && cdr.Id > 0)
        {
            events.Publish(CsmsEventTypes.CdrIssued, stationId, CdrIssuedData.Of(cdr), CsmsJsonContext.Default.CdrIssuedData);
        }

        return tx?.CostJson is { } json ? TransactionCost.Read(json) : p.Cost;
    }

    /// <summary>
    /// Prices the session again and issues a record that replaces <paramref name="cdrId"/> (with the tariff
    /// <paramref name="tariffId"/> at its current version when given, else the one it was priced with).
    /// Null when there is no such record; <see cref="InvalidOperationException"/> when it was corrected already.
    /// </summary>
    public async Task<ChargeDetailRecord?> CorrectAsync(long cdrId, string? tariffId, string reason, CancellationToken cancellationToken)
    {
        ChargeDetailRecord? old;
        ChargingTransaction? tx;
        TariffChoice? choice = null;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            old = await db.Cdrs.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cdrId, cancellationToken).ConfigureAwait(false);
            if (old is null)
            {
                return null;
            }

            if (await db.Cdrs.AnyAsync(c => c.CorrectsId == cdrId, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Charge detail record {cdrId} has been corrected already; correct the newest record.");
            }

            tx = await db.Transactions.AsNoTracking().FirstAsync(t => t.Id == old.TransactionDbId, cancellationToken).ConfigureAwait(false);
            if (tariffId is not null)
            {
                var tariff = await db.Tariffs.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tariffId && t.DeletedAt == null, cancellationToken).ConfigureAwait(false)
                    ?? throw new KeyNotFoundException($"No tariff '{tariffId}'.");
                choice = new TariffChoice(tariff.Id, tariff.Version, TariffService.Definition(tariff.DefinitionJson));
            }
        }

        choice ??= new TariffChoice(old.TariffId, old.TariffVersion, TariffService.Definition(old.TariffJson));
        var cost = await PriceAsync(tx, choice.Definition, final: true, cancellationToken).ConfigureAwait(false);
        tx.TariffId = choice.TariffId;
        tx.TariffVersion = choice.Version;
        var cdr = await RecordAsync(tx, choice.Definition, cost, cancellationToken).ConfigureAwait(false);
        cdr.CorrectsId = cdrId;
        cdr.CorrectionReason = reason;
        await writer.WriteAsync((tx.StationId, tx.TransactionId, cost, cdr, choice), static async (db, s, ct) =>
        {
            db.Cdrs.Add(s.cdr);
            if (await TransactionStore.FindAsync(db, s.StationId, s.TransactionId, ct).ConfigureAwait(false) is { } stored)
            {
                stored.Cost = s.cost.Amount;
                stored.CostJson = TransactionCost.Write(s.cost);
                stored.CostFinal = true;
                stored.TariffId = s.choice.TariffId;
                stored.TariffVersion = s.choice.Version;
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);
        events.Publish(CsmsEventTypes.CdrIssued, cdr.StationId, CdrIssuedData.Of(cdr), CsmsJsonContext.Default.CdrIssuedData);
        return cdr;
    }

    private async Task<(ChargingTransaction Transaction, TariffDefinition Definition, SessionCost Cost)?> PriceAsync(
        string stationId, string transactionId, bool final, CancellationToken cancellationToken)
    {
        ChargingTransaction? tx;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            tx = await db.Transactions.AsNoTracking().FirstOrDefaultAsync(t => t.StationId == stationId && t.TransactionId == transactionId, cancellationToken).ConfigureAwait(false);
        }

        if (tx is not { TariffId: { } tariffId, TariffVersion: { } version, StartedAt: not null } || (final && tx.StoppedAt is null))
        {
            return null;
        }

        var definition = await DefinitionAsync(tariffId, version, cancellationToken).ConfigureAwait(false);
        return definition is null ? null : (tx, definition, await PriceAsync(tx, definition, final, cancellationToken).ConfigureAwait(false));
    }

    private async Task<SessionCost> PriceAsync(ChargingTransaction tx, TariffDefinition definition, bool final, CancellationToken cancellationToken)
    {
        List<MeterValueRecord> rows;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            rows = await db.MeterValues.AsNoTracking()
                .Where(v => v.TransactionDbId == tx.Id && v.Phase == null
                    && (v.Measurand == null || v.Measurand == EnergyRegister.Measurand || v.Measurand == MeterRows.PowerMeasurand))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var (energy, power) = MeterRows.From(rows);
        var started = tx.StartedAt!.Value;
        // A running session is priced up to its newest reading: the time after it is not known yet.
        var ended = final ? tx.StoppedAt!.Value : energy.Count == 0 ? time.GetUtcNow() : energy.Max(p => p.Timestamp);
        var input = new PricingInput(started, ended < started ? started : ended, tx.MeterStartWh, final ? tx.MeterStopWh : null, energy, power, final);
        var cost = TariffPricer.Price(definition, input, options.Value.MaxPlausiblePowerKw);
        // Storage keeps a repeated sample once, so the pricer cannot see the repeat: the session's own flag says it.
        return tx.Problems.HasFlag(TransactionProblems.DuplicateMeterValues) && !cost.Flags.Contains(CostFlags.DuplicateMeterValues)
            ? cost with { Flags = CostFlags.Ordered([.. cost.Flags, CostFlags.DuplicateMeterValues]) }
            : cost;
    }

    private async Task<ChargeDetailRecord> RecordAsync(ChargingTransaction tx, TariffDefinition definition, SessionCost cost, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var signed = await db.MeterValues.AsNoTracking().Where(v => v.TransactionDbId == tx.Id && v.SignedData != null)
            .OrderBy(v => v.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new ChargeDetailRecord
        {
            TransactionDbId = tx.Id,
            StationId = tx.StationId,
            TransactionId = tx.TransactionId,
            OcppVersion = tx.LastSeqNo is null ? "1.6" : "2.0.1", // as OcppTransactionId tells them apart
            EvseId = tx.EvseId,
            ConnectorId = tx.ConnectorId,
            IdTag = tx.IdTag,
            IdTagGroup = tx.IdTagGroup,
            StartedAt = tx.StartedAt!.Value,
            StoppedAt = tx.StoppedAt ?? tx.StartedAt!.Value,
            MeterStartWh = tx.MeterStartWh,
            MeterStopWh = tx.MeterStopWh,
            EnergyWh = cost.BilledEnergyWh,
            ChargingHours = cost.ChargingHours,
            ParkingHours = cost.ParkingHours,
            TariffId = tx.TariffId!,
            TariffVersion = tx.TariffVersion ?? 0,
            TariffJson = System.Text.Json.JsonSerializer.Serialize(definition, BillingJsonContext.Default.TariffDefinition),
            Currency = cost.Currency,
            AmountExclVat = cost.AmountExclVat,
            Vat = cost.Vat,
            Amount = cost.Amount,
            CostJson = TransactionCost.Write(cost),
            Flags = cost.Flags.Count == 0 ? null : string.Join(',', cost.Flags),
            SignedDataJson = SignedMeterData.Json(signed),
            IssuedAt = time.GetUtcNow(),
        };
    }

    /// <summary>Writes the cost (and issues the record) unless the session's cost is final already.</summary>
    private Task<ChargingTransaction?> StoreAsync(string stationId, string transactionId, SessionCost cost, ChargeDetailRecord? cdr, CancellationToken cancellationToken) =>
        writer.WriteAsync((stationId, transactionId, json: TransactionCost.Write(cost), cost.Amount, cdr), static async (db, s, ct) =>
        {
            var tx = await TransactionStore.FindAsync(db, s.stationId, s.transactionId, ct).ConfigureAwait(false);
            if (tx is null || tx.CostFinal)
            {
                return tx;
            }

            tx.Cost = s.Amount;
            tx.CostJson = s.json;
            tx.CostFinal = s.cdr is not null;
            if (s.cdr is not null)
            {
                s.cdr.TransactionDbId = tx.Id;
                db.Cdrs.Add(s.cdr);
            }

            return tx;
        }, cancellationToken);

    private async ValueTask<TariffDefinition?> DefinitionAsync(string tariffId, int version, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue((tariffId, version), out var known))
        {
            return known;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.TariffVersions.AsNoTracking().FirstOrDefaultAsync(v => v.TariffId == tariffId && v.Version == version, cancellationToken).ConfigureAwait(false);
        return row is null ? null : _versions[(tariffId, version)] = TariffService.Definition(row.DefinitionJson);
    }
}
