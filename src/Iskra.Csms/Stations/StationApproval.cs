using Iskra.Csms.Routing;
using Iskra.Ocpp;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.Rpc;
using Microsoft.Extensions.Logging;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.Stations;

/// <summary>
/// Applies the operator's registration decision to a station's live connection: the router checks it
/// on every 2.0.1 CALL (B02.FR.09), so an approved Pending station proceeds at once. The station itself
/// learns it at its next BootNotification, which is asked for right away with TriggerMessage
/// (2.0.1 F06, 1.6 §5.17) instead of waiting out the Pending interval.
/// </summary>
public sealed partial class StationApproval(ILogger<StationApproval> logger)
{
    private static readonly TimeSpan TriggerTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Sets the live status; returns the task of the TriggerMessage sent when a Pending station was accepted (else completed).</summary>
    public Task ApplyLive(StationConnection connection, IStationChannel channel, RegistrationState state)
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
            ? TriggerBootAsync(channel, "accepted by the operator")
            : Task.CompletedTask;
    }

    /// <summary>
    /// Asks a station for a BootNotification now (TriggerMessage, 2.0.1 F06, 1.6 §5.17), e.g. a Pending one whose
    /// model became integrated; <paramref name="why"/> is for the log. Never throws for the station's answer or absence.
    /// </summary>
    public async Task TriggerBootAsync(IStationChannel channel, string why)
    {
        ArgumentNullException.ThrowIfNull(channel);
        try
        {
            var status = channel.Version == OcppVersion.V16
                ? WireName.Of((await channel.CallAsync(V16Calls.TriggerMessage, new Ocpp16.TriggerMessageRequest { RequestedMessage = Ocpp16.MessageTrigger.BootNotification }, TriggerTimeout, CancellationToken.None).ConfigureAwait(false)).Status)
                : WireName.Of((await channel.CallAsync(V201Calls.TriggerMessage, new Ocpp201.TriggerMessageRequest { RequestedMessage = Ocpp201.MessageTriggerEnumType.BootNotification }, TriggerTimeout, CancellationToken.None).ConfigureAwait(false)).Status);
            LogTriggered(logger, channel.StationId, why, status);
        }
        catch (Exception ex) when (ex is OcppCallErrorException or OcppInvalidResponseException or OcppCallTimeoutException or StationDisconnectedException)
        {
            LogTriggerFailed(logger, channel.StationId, why, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {StationId} {Why}; TriggerMessage BootNotification answered {Status}")]
    private static partial void LogTriggered(ILogger logger, string stationId, string why, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Station {StationId} {Why}; TriggerMessage BootNotification failed: {Reason}")]
    private static partial void LogTriggerFailed(ILogger logger, string stationId, string why, string reason);
}
