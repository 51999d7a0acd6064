using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>
/// The "EV Side Disconnected" cases of OCTT 1.6 §2.3.3–2.3.5: their configuration state (MinimumStatusDuration,
/// StopTransactionOnEVSideDisconnect, UnlockConnectorOnEVSideDisconnect; OCPP 1.6 §4.10, §9.1.23, §9.1.33),
/// the Charging state they start from, and the driver unplugging the cable at the EV.
/// </summary>
public static class EvSideDisconnect
{
    public const string StopKey = "StopTransactionOnEVSideDisconnect";
    public const string UnlockKey = "UnlockConnectorOnEVSideDisconnect";

    /// <summary>
    /// Sets the case's configuration state. The document's prerequisite on StopTransactionOnEVSideDisconnect is
    /// checked first and skips the case when the station does not meet it: for <paramref name="stop"/> true the key
    /// must not be read-only false, for false it must be implemented and writable (the key is optional since
    /// OCPP 1.6 errata 3.79, so a station without it cannot be tested here).
    /// </summary>
    public static async Task ConfigureAsync(CaseContext t, KeySettings keys, bool stop, bool unlock)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(keys);
        var current = await KeySettings.GetAsync(t, StopKey, "before").ConfigureAwait(false);
        if (current is null)
        {
            throw new CaseStoppedException($"the station does not report {StopKey} (optional since OCPP 1.6 errata 3.79): the document's prerequisite is not met", skipped: true);
        }

        var isTrue = string.Equals(current.Value, "true", StringComparison.OrdinalIgnoreCase);
        if (current.Readonly && (!stop || !isTrue))
        {
            throw new CaseStoppedException($"{StopKey} is read-only ({current.Value}): the document's prerequisite is that it can be {(stop ? "true" : "set to false")}", skipped: true);
        }

        await keys.SetAsync(t, "MinimumStatusDuration", "0", "before", ifImplemented: true).ConfigureAwait(false);
        await keys.SetAsync(t, StopKey, stop ? "true" : "false", "before").ConfigureAwait(false);
        await keys.SetAsync(t, UnlockKey, unlock ? "true" : "false", "before").ConfigureAwait(false);
    }

    /// <summary>Reusable state <i>Charging</i>: started with the card where the model has a reader, otherwise remotely. Returns the transaction id.</summary>
    public static Task<int> ChargingAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.Model.CardReader
            ? Charging.StartAsync(t, t.Connector, t.Model.IdTag)
            : Charging.RemoteStartAsync(t, t.Connector, t.Model.IdTag);
    }

    /// <summary>[EV driver unplugs cable on EV side.]</summary>
    public static Task UnplugAtEvAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        return t.ManualAsync(ManualAction.Unplug(t.Connector));
    }
}
