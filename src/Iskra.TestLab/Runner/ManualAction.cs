namespace Iskra.TestLab.Runner;

/// <summary>
/// A step that needs a person (or the simulator's driver) at the station: what to do, where, and a
/// sentence that says it to a person. <see cref="Kind"/> is what a driver performs.
/// </summary>
public sealed record ManualAction(ManualKind Kind, string Instruction)
{
    public int? Connector { get; init; }

    public string? IdTag { get; init; }

    public static ManualAction PlugIn(int connector) => new(ManualKind.PlugIn, $"Plug an EV into connector {connector}.") { Connector = connector };

    public static ManualAction Unplug(int connector) => new(ManualKind.Unplug, $"Unplug the cable from connector {connector} (at the EV side).") { Connector = connector };

    public static ManualAction PresentCard(int connector, string idTag) => new(ManualKind.PresentCard, $"Present the card '{idTag}' at the reader of connector {connector}.") { Connector = connector, IdTag = idTag };

    public static ManualAction PowerCycle() => new(ManualKind.PowerCycle, "Switch the station's power off and on again (a cold boot).");

    public static ManualAction PowerCut() => new(ManualKind.PowerCut, "Switch the station's power off and keep it off.");

    public static ManualAction PowerRestore() => new(ManualKind.PowerRestore, "Switch the station's power on again.");

    public static ManualAction NetworkDown() => new(ManualKind.NetworkDown, "Disconnect the station from the network (unplug the network cable or the modem's antenna); keep it powered.");

    public static ManualAction NetworkUp() => new(ManualKind.NetworkUp, "Reconnect the station to the network.");

    public static ManualAction Fault(int connector) => new(ManualKind.Fault, $"Cause a hardware fault on connector {connector} (e.g. press the emergency stop).") { Connector = connector };

    public static ManualAction ClearFault(int connector) => new(ManualKind.ClearFault, $"Clear the fault on connector {connector}.") { Connector = connector };

    public static ManualAction PlugInHalfway(int connector) => new(ManualKind.PlugInHalfway, $"Push the cable only halfway into the socket of connector {connector}, so that the lock cannot engage.") { Connector = connector };

    public static ManualAction JamLock(int connector) => new(ManualKind.JamLock, $"Make the cable lock of connector {connector} fail (e.g. disconnect the lock actuator, or hold a plugged cable so the lock cannot move).") { Connector = connector };

    public static ManualAction FreeLock(int connector) => new(ManualKind.FreeLock, $"Let the cable lock of connector {connector} work again (reconnect the actuator, release the cable).") { Connector = connector };

    public static ManualAction SuspendEv(int connector) => new(ManualKind.SuspendEv, $"Pause charging from the EV on connector {connector}.") { Connector = connector };
}
