namespace Iskra.TestLab.Runner;

/// <summary>The physical acts a case may ask for; a driver maps each to an act on a real or simulated station.</summary>
public enum ManualKind
{
    PlugIn,
    Unplug,
    PresentCard,
    PowerCycle,
    PowerCut,
    PowerRestore,
    NetworkDown,
    NetworkUp,
    Fault,
    ClearFault,
    SuspendEv,
    PlugInHalfway,
    JamLock,
    FreeLock,
}
