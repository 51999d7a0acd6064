using Iskra.Csms.Access;
using Iskra.Csms.Stations;
using Iskra.Ocpp;

namespace Iskra.Csms.RemoteControl;

/// <summary>The station a command goes to, on its live connection's version, and who sent it.</summary>
public sealed record CommandContext(string StationId, OcppVersion Version, ApiCaller Caller)
{
    /// <summary>The station's registration status (the operator's decision, answered in its BootNotification); null when unknown.</summary>
    public RegistrationState? Registration { get; init; }

    /// <summary>
    /// OCPP 1.6 §4.2: "While in pending state, the following Central System initiated messages are not
    /// allowed: RemoteStartTransaction.req and RemoteStopTransaction.req". Throws for such a command.
    /// </summary>
    public void ThrowIfPending16(string command)
    {
        if (Version == OcppVersion.V16 && Registration == RegistrationState.Pending)
        {
            throw new CommandException(
                CommandFailure.StationPending,
                $"Station '{StationId}' is Pending: OCPP 1.6 (§4.2) allows no '{command}' while a station is Pending. Approve it first (PATCH /api/stations/{StationId} {{\"registrationStatus\":\"Accepted\"}}).");
        }
    }
}
