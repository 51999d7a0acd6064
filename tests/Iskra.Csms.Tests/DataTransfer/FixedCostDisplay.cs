using Iskra.Csms.DataTransfer;
using Iskra.Csms.Routing;

namespace Iskra.Csms.Tests.DataTransfer;

/// <summary>A cost display that supports a fixed set of stations and sends nothing.</summary>
public sealed class FixedCostDisplay(string name, params string[] stations) : IVendorCostDisplay
{
    public string Name { get; } = name;

    public int Asked { get; private set; }

    public ValueTask<bool> SupportsAsync(string stationId, CancellationToken cancellationToken)
    {
        Asked++;
        return ValueTask.FromResult(stations.Contains(stationId));
    }

    public Task SendRunningCostAsync(IStationChannel channel, CostMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendFinalCostAsync(IStationChannel channel, CostMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
