using Iskra.Csms.Routing;

namespace Iskra.Csms.DataTransfer;

/// <summary>
/// A vendor extension through which a 1.6 station shows the running and final cost of a transaction
/// (OCPP 1.6 has no cost messages; 2.0.1 has CostUpdated and TransactionEventResponse.totalCost).
/// Registered with <c>services.AddSingleton&lt;IVendorCostDisplay, X&gt;()</c>; <see cref="CostDisplays"/> picks one per station.
/// </summary>
public interface IVendorCostDisplay
{
    string Name { get; }

    /// <summary>Whether this station shows costs through this extension, from what Iskra has stored about it.</summary>
    ValueTask<bool> SupportsAsync(string stationId, CancellationToken cancellationToken);

    Task SendRunningCostAsync(IStationChannel channel, CostMessage message, CancellationToken cancellationToken);

    Task SendFinalCostAsync(IStationChannel channel, CostMessage message, CancellationToken cancellationToken);
}
