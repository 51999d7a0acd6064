namespace Iskra.Simulator.RemoteControl;

/// <summary>The answer to a SendLocalList, in words both versions share (1.6 §5.15, 2.0.1 D01).</summary>
internal enum LocalListOutcome
{
    Accepted,
    Failed,
    VersionMismatch,

    /// <summary>LocalAuthListEnabled is false: 1.6 NotSupported, 2.0.1 Failed.</summary>
    Disabled,
}
