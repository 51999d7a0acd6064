using System.Text.Json;
using Iskra.Csms.Routing;
using Iskra.Ocpp.Rpc;
using Microsoft.Extensions.Logging;

namespace Iskra.Csms.Stations;

/// <summary>
/// Applies the operator's registration decision to a station's live connection: the router checks it
/// on every 2.0.1 CALL (B02.FR.09), so an approved Pending station proceeds at once. The station itself
/// learns it at its next BootNotification, which is asked for right away with TriggerMessage
/// (2.0.1 F06, 1.6 §5.17) instead of waiting out the Pending interval.
/// </summary>
public sealed partial class StationApproval(ILogger<StationApproval> logger)
{
    private static readonly JsonElement TriggerBoot = JsonDocument.Parse("""{"requestedMessage":"BootNotification"}""").RootElement.Clone();
    private static readonly TimeSpan TriggerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Sets the live status; returns the task of the TriggerMessage sent when a Pending station was accepted (else completed).</summary>
    public Task ApplyLive(StationConnection connection, RpcChannel channel, RegistrationState state)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(channel);
        if (connection.Context is not { } live)
        {
            return Task.CompletedTask;
        }

        var was = live.Registration;
        live.Registration = state;
        return was == RegistrationState.Pending && state == RegistrationState.Accepted
            ? TriggerBootAsync(connection.StationId, channel)
            : Task.CompletedTask;
    }

    private async Task TriggerBootAsync(string stationId, RpcChannel channel)
    {
        try
        {
            var reply = await channel.CallAsync("TriggerMessage", TriggerBoot, TriggerTimeout, CancellationToken.None).ConfigureAwait(false);
            LogTriggered(logger, stationId, reply.TryGetProperty("status", out var status) ? status.ToString() : "?");
        }
        catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException or StationDisconnectedException)
        {
            LogTriggerFailed(logger, stationId, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {StationId} accepted by the operator; TriggerMessage BootNotification answered {Status}")]
    private static partial void LogTriggered(ILogger logger, string stationId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {StationId} accepted by the operator; TriggerMessage BootNotification failed: {Reason}")]
    private static partial void LogTriggerFailed(ILogger logger, string stationId, string reason);
}
