using Iskra.Simulator.Model;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Control;

/// <summary>
/// The control API's connector endpoints: the physical acts of a driver and of the hardware. An act the
/// connector's state forbids (unplug with nothing plugged, plug in twice) is 409.
/// </summary>
internal static class ConnectorEndpoints
{
    public static async Task<ControlResult> PlugAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        var station = request.Station();
        var connectorId = request.ConnectorId(station);
        var body = await request.BodyAsync(ControlJsonContext.Default.PlugBody, new PlugBody(), cancellationToken).ConfigureAwait(false);
        if (body.CapacityWh is <= 0 || body.MaxPowerW is <= 0)
        {
            throw ControlProblemException.BadRequest("capacityWh and maxPowerW must be positive.");
        }

        if (body.Soc is < 0 or > 1 || body.TargetSoc is < 0 or > 1)
        {
            throw ControlProblemException.BadRequest("soc and targetSoc are fractions from 0 to 1.");
        }

        var ev = new ElectricVehicle(body.CapacityWh ?? 60_000, body.Soc ?? 0.3, body.MaxPowerW ?? 150_000, body.TargetSoc ?? 1.0);
        await station.PlugInAsync(connectorId, ev).ConfigureAwait(false);
        return await StationEndpoints.StateAsync(station).ConfigureAwait(false);
    }

    /// <summary>POST …/card: answers the card's outcome (Accepted, Invalid, Blocked, …, Stopped, ConnectorBusy).</summary>
    public static async Task<ControlResult> CardAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        var station = request.Station();
        var connectorId = request.ConnectorId(station);
        var body = await request.BodyAsync(ControlJsonContext.Default.CardBody, new CardBody(), cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(body.IdTag) || body.IdTag.Length > 20)
        {
            throw ControlProblemException.BadRequest("idTag is required: 1 to 20 characters (1.6 IdToken, CiString20).");
        }

        var result = await station.PresentCardAsync(connectorId, body.IdTag).ConfigureAwait(false);
        return ControlResult.Json(new ActionAnswer(result), ControlJsonContext.Default.ActionAnswer);
    }

    public static async Task<ControlResult> FaultAsync(ControlRequest request, CancellationToken cancellationToken)
    {
        var station = request.Station();
        var connectorId = request.ConnectorId(station);
        var body = await request.BodyAsync(ControlJsonContext.Default.FaultBody, new FaultBody(), cancellationToken).ConfigureAwait(false);
        var errorCode = body.ErrorCode ?? "OtherError";
        if (!ErrorCodes.Contains(errorCode))
        {
            throw ControlProblemException.BadRequest($"errorCode must be a 1.6 ChargePointErrorCode other than NoError: {string.Join(", ", ErrorCodes)}.");
        }

        await station.FaultAsync(connectorId, errorCode).ConfigureAwait(false);
        return await StationEndpoints.StateAsync(station).ConfigureAwait(false);
    }

    public static async Task<ControlResult> ActAsync(ControlRequest request, Func<SimStation, int, Task> action)
    {
        var station = request.Station();
        await action(station, request.ConnectorId(station)).ConfigureAwait(false);
        return await StationEndpoints.StateAsync(station).ConfigureAwait(false);
    }

    // 1.6 §7.6 ChargePointErrorCode, less NoError.
    private static readonly string[] ErrorCodes =
    [
        "ConnectorLockFailure", "EVCommunicationError", "GroundFailure", "HighTemperature", "InternalError", "LocalListConflict",
        "OtherError", "OverCurrentFailure", "OverVoltage", "PowerMeterFailure", "PowerSwitchFailure", "ReaderFailure",
        "ResetFailure", "UnderVoltage", "WeakSignal",
    ];
}
