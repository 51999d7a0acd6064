namespace Iskra.Csms.Alarms;

/// <summary>The rules' names (docs/alarms.md describes each, its severity and its settings under <c>Alarms:&lt;Kind&gt;</c>).</summary>
public static class AlarmKinds
{
    /// <summary>The station has been disconnected longer than <c>Alarms:StationOffline:After</c>; clears when it connects.</summary>
    public const string StationOffline = "StationOffline";

    /// <summary>A connector is Faulted or reports an error code; clears when it reports no error again.</summary>
    public const string ConnectorFaulted = "ConnectorFaulted";

    /// <summary>A security event the station reported (tampering, failed security checks).</summary>
    public const string SecurityEvent = "SecurityEvent";

    /// <summary>A 2.0.1 component's Problem variable turned true (NotifyEvent); clears when it turns false.</summary>
    public const string StationProblem = "StationProblem";

    /// <summary>A remote start was Accepted but no session began within <c>Alarms:RemoteStartWithoutSession:After</c>.</summary>
    public const string RemoteStartWithoutSession = "RemoteStartWithoutSession";

    /// <summary>A session sent no meter values for <c>Alarms:NoMeterValues:After</c>.</summary>
    public const string NoMeterValues = "NoMeterValues";

    /// <summary>A session stays SuspendedEV or SuspendedEVSE longer than <c>Alarms:SessionSuspended:After</c>.</summary>
    public const string SessionSuspended = "SessionSuspended";

    /// <summary>The station's model is not in the catalog of integrated models (its boot was not Accepted).</summary>
    public const string ModelNotIntegrated = "ModelNotIntegrated";

    /// <summary>The station booted with a firmware version that no lab run passed.</summary>
    public const string FirmwareNotTested = "FirmwareNotTested";

    /// <summary>The station's clock is further than <c>Alarms:ClockSkew:Tolerance</c> from Iskra's.</summary>
    public const string ClockSkew = "ClockSkew";

    /// <summary>A registered station's connections are refused repeatedly (<c>Alarms:ConnectionRefused:Count</c> within <c>:Window</c>).</summary>
    public const string ConnectionRefused = "ConnectionRefused";

    /// <summary>The station's connections keep replacing each other: two devices may share its id.</summary>
    public const string ConnectionFlipFlop = "ConnectionFlipFlop";

    /// <summary>A firmware update failed, or did not finish within <c>Alarms:FirmwareUpdateFailed:FinishWithin</c>.</summary>
    public const string FirmwareUpdateFailed = "FirmwareUpdateFailed";

    /// <summary>A diagnostics or log upload failed, or did not finish within <c>Alarms:LogUploadFailed:FinishWithin</c>.</summary>
    public const string LogUploadFailed = "LogUploadFailed";

    public static IReadOnlyList<string> All { get; } =
    [
        StationOffline, ConnectorFaulted, SecurityEvent, StationProblem, RemoteStartWithoutSession, NoMeterValues,
        SessionSuspended, ModelNotIntegrated, FirmwareNotTested, ClockSkew, ConnectionRefused, ConnectionFlipFlop,
        FirmwareUpdateFailed, LogUploadFailed,
    ];
}
