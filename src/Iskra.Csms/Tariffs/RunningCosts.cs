using System.Collections.Concurrent;
using Iskra.Csms.DataTransfer;
using Iskra.Csms.Jobs;
using Iskra.Csms.Routing;
using Iskra.Csms.Transactions;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Ocpp.V201.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Tariffs;

/// <summary>
/// Keeps the cost of running sessions current: a session with new meter values is priced again at most once
/// per <see cref="BillingOptions.RunningCostInterval"/> (not per message, so the station path stays cheap),
/// announced as <c>transaction.cost</c>, and sent to the station when it shows costs: a 2.0.1 station gets
/// CostUpdated (I02), one that answers it with NotImplemented or NotSupported is not asked again; a 1.6
/// station only through a vendor display that supports it (<see cref="CostDisplays"/>), which also gets the
/// final cost once the session has ended (<see cref="SendFinal"/>).
/// </summary>
public sealed partial class RunningCosts(
    SessionBilling billing,
    CostDisplays displays,
    IServiceProvider services,
    IOptions<BillingOptions> billingOptions,
    IOptions<JobOptions> jobs,
    TimeProvider time,
    ILogger<RunningCosts> logger) : SupervisedJob("running-costs", jobs, time, logger)
{
    private readonly ConcurrentDictionary<(string StationId, string TransactionId), byte> _due = new();
    private readonly ConcurrentDictionary<string, byte> _noCostUpdated = new(StringComparer.Ordinal);

    protected override TimeSpan Period => billingOptions.Value.RunningCostInterval > TimeSpan.Zero ? billingOptions.Value.RunningCostInterval : TimeSpan.FromSeconds(60);

    /// <summary>Notes that a priced, running session has new data: it is priced again at the next run.</summary>
    public void Touch(ChargingTransaction? tx)
    {
        if (tx is { TariffId: not null, StoppedAt: null, CostFinal: false })
        {
            _due.TryAdd((tx.StationId, tx.TransactionId), 0);
        }
    }

    /// <summary>Sessions waiting to be priced again.</summary>
    public int Due => _due.Count;

    /// <summary>Prices every session that has new data since the last run.</summary>
    public async Task PriceDueAsync(CancellationToken cancellationToken)
    {
        foreach (var key in _due.Keys)
        {
            _due.TryRemove(key, out _);
            if (await billing.RefreshAsync(key.StationId, key.TransactionId, cancellationToken).ConfigureAwait(false) is { } priced
                && billingOptions.Value.SendCostToStations)
            {
                await SendAsync(priced.Transaction, priced.Cost, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => PriceDueAsync(cancellationToken);

    /// <summary>
    /// Sends the final cost of an ended 1.6 session to a station whose vendor display supports it, after the
    /// station has had its answer (a 2.0.1 station has it in the answer to Ended, I03). Never throws.
    /// </summary>
    public void SendFinal(string stationId, string transactionId, SessionCost cost)
    {
        if (!billingOptions.Value.SendCostToStations || services.GetService<IStationChannels>() is not { } channels
            || !channels.TryGetChannel(stationId, out var channel) || channel.Version != OcppVersion.V16)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                if (await displays.ForAsync(stationId, CancellationToken.None).ConfigureAwait(false) is { } display)
                {
                    await display.SendFinalCostAsync(channel, Message(transactionId, cost), CancellationToken.None).ConfigureAwait(false);
                }
            }
            catch (Exception e) when (e is OcppCallErrorException or OcppCallTimeoutException or StationDisconnectedException or OcppInvalidResponseException or ArgumentException)
            {
                LogCostNotSent(logger, stationId, e.Message);
            }
#pragma warning disable CA1031 // a failed display message must not fault an unobserved task: it is logged
            catch (Exception e)
#pragma warning restore CA1031
            {
                LogCostFailed(logger, e, stationId);
            }
        });
    }

    private CostMessage Message(string transactionId, SessionCost cost) =>
        new(transactionId, cost.Amount, cost.Currency, cost.BilledEnergyWh, Time.GetUtcNow(), null);

    private async Task SendAsync(ChargingTransaction tx, SessionCost cost, CancellationToken cancellationToken)
    {
        if (services.GetService<IStationChannels>() is not { } channels || !channels.TryGetChannel(tx.StationId, out var channel) || !channel.IsOpen)
        {
            return;
        }

        try
        {
            if (channel.Version == OcppVersion.V201 && !_noCostUpdated.ContainsKey(tx.StationId))
            {
                await channel.CallAsync(V201Calls.CostUpdated, new CostUpdatedRequest { TotalCost = cost.Amount, TransactionId = tx.TransactionId }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else if (channel.Version == OcppVersion.V16 && await displays.ForAsync(tx.StationId, cancellationToken).ConfigureAwait(false) is { } display)
            {
                await display.SendRunningCostAsync(channel, Message(tx.TransactionId, cost), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OcppCallErrorException e) when (e.Code is OcppErrorCode.NotImplemented or OcppErrorCode.NotSupported)
        {
            _noCostUpdated.TryAdd(tx.StationId, 0);
            LogNoCostDisplay(logger, tx.StationId);
        }
        catch (Exception e) when (e is OcppCallErrorException or OcppCallTimeoutException or StationDisconnectedException or OcppInvalidResponseException or ArgumentException)
        {
            LogCostNotSent(logger, tx.StationId, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {StationId} does not take CostUpdated; its running cost is no longer sent")]
    private static partial void LogNoCostDisplay(ILogger logger, string stationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The final cost could not be sent to {StationId}")]
    private static partial void LogCostFailed(ILogger logger, Exception exception, string stationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The cost was not sent to {StationId}: {Reason}")]
    private static partial void LogCostNotSent(ILogger logger, string stationId, string reason);
}
