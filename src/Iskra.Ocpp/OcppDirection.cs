namespace Iskra.Ocpp;

/// <summary>Who sends the CALL of an action.</summary>
[Flags]
public enum OcppDirection
{
    /// <summary>The charging station calls the CSMS (e.g. BootNotification).</summary>
    StationToCsms = 1,
    /// <summary>The CSMS calls the charging station (e.g. Reset).</summary>
    CsmsToStation = 2,
    /// <summary>Either side may call (DataTransfer).</summary>
    Both = StationToCsms | CsmsToStation,
}
