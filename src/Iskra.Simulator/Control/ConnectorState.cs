using Iskra.Simulator.Model;

namespace Iskra.Simulator.Control;

/// <summary>One connector (2.0.1: one EVSE) in the control API: status, the EV, the cable in the socket and its lock, power, register and the session.</summary>
public sealed record ConnectorState(
    int Id,
    string Status,
    string ErrorCode,
    bool Dc,
    double MaxPowerW,
    bool Plugged,
    bool CableInSocket,
    bool CableLocked,
    double PowerW,
    double RegisterWh,
    double? LimitW,
    double? Soc,
    SessionState? Session,
    string? PendingIdTag)
{
    public static ConnectorState From(Connector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return new ConnectorState(
            connector.Id,
            connector.Status.ToString(),
            connector.ErrorCode,
            connector.Options.Dc,
            connector.Options.MaxPowerW,
            connector.Plugged,
            connector.CableInSocket,
            connector.CableLocked,
            Math.Round(connector.PowerW, 1),
            Math.Round(connector.RegisterWh, 1),
            connector.LimitW,
            connector.Ev is { } ev ? Math.Round(ev.Soc, 4) : null,
            connector.Session is { } session ? SessionState.From(session, connector.RegisterWh) : null,
            connector.Pending?.IdTag);
    }
}

/// <summary>The running transaction: the station's id for it, the CSMS's 1.6 id once known, the id tag and the energy so far.</summary>
public sealed record SessionState(string Id, int? TransactionId, string IdTag, DateTimeOffset StartedAt, double EnergyWh)
{
    public static SessionState From(ChargingSession session, double registerWh)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new SessionState(session.LocalId, session.CsmsTransactionId, session.IdTag, session.StartedAt, Math.Round(registerWh - session.MeterStartWh, 1));
    }
}
