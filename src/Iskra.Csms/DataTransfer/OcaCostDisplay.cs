using Iskra.Csms.Routing;
using Iskra.Csms.Storage;
using Iskra.Ocpp;
using Iskra.Ocpp.V16.Messages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.DataTransfer;

/// <summary>
/// The Open Charge Alliance's 1.6 cost display ("OCPP &amp; California Pricing Requirements", §3.1): the
/// running and final cost go to the station as DataTransfer <c>org.openchargealliance.costmsg</c>
/// RunningCost / FinalCost with a JSON <c>data</c> string (<see cref="OcaCostData"/>). A station supports
/// it when its configuration key <c>CustomDisplayCostAndPrice</c>, as Iskra last stored it from a
/// GetConfiguration answer, is "true".
/// </summary>
public sealed partial class OcaCostDisplay(IDbContextFactory<IskraDbContext> contexts, ILogger<OcaCostDisplay> logger) : IVendorCostDisplay
{
    public const string VendorId = "org.openchargealliance.costmsg";

    /// <summary>The station's read-only key saying it shows these messages (1.6 keys are CiString50: any case).</summary>
    public const string SupportKey = "CustomDisplayCostAndPrice";

    public string Name => VendorId;

    public async ValueTask<bool> SupportsAsync(string stationId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        // A station has tens of keys, stored in the spelling it first reported: compared here, case-insensitively.
        var keys = await db.ConfigurationKeys.AsNoTracking()
            .Where(k => k.StationId == stationId)
            .Select(k => new { k.Key, k.Value })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys.Exists(k => string.Equals(k.Key, SupportKey, StringComparison.OrdinalIgnoreCase)
            && string.Equals(k.Value?.Trim(), "true", StringComparison.OrdinalIgnoreCase));
    }

    public Task SendRunningCostAsync(IStationChannel channel, CostMessage message, CancellationToken cancellationToken) =>
        SendAsync(channel, "RunningCost", OcaCostData.RunningCost(message), cancellationToken);

    public Task SendFinalCostAsync(IStationChannel channel, CostMessage message, CancellationToken cancellationToken) =>
        SendAsync(channel, "FinalCost", OcaCostData.FinalCost(message), cancellationToken);

    private async Task SendAsync(IStationChannel channel, string messageId, string data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (channel.Version != OcppVersion.V16)
        {
            throw new ArgumentException($"The {VendorId} display is an OCPP 1.6 extension; {channel.StationId} speaks {channel.Version.DisplayName()}.", nameof(channel));
        }

        var request = new DataTransferRequest { VendorId = VendorId, MessageId = messageId, Data = data };
        var response = await channel.CallAsync(V16Calls.DataTransfer, request, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (response.Status != DataTransferStatus.Accepted)
        {
            // The station's display said no; the cost itself stands, so this is worth a line, not an error.
            LogNotShown(logger, channel.StationId, messageId, response.Status);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {StationId} did not accept the {MessageId} cost message: {Status}.")]
    private static partial void LogNotShown(ILogger logger, string stationId, string messageId, DataTransferStatus status);
}
