namespace Iskra.Simulator.Model;

/// <summary>
/// One connector (1.6) or one EVSE with its single connector (2.0.1): its status, the EV plugged in,
/// the authorization waiting for a plug, the running session, a reservation, and its meter.
/// Only the owning <see cref="Stations.SimStation"/> changes it, under its lock.
/// </summary>
public sealed class Connector(int id, ConnectorOptions options)
{
    /// <summary>The 1.6 connectorId, or the 2.0.1 evseId (whose connectorId is 1).</summary>
    public int Id { get; } = id;

    public ConnectorOptions Options { get; } = options;

    public ConnectorStatus Status { get; internal set; } = ConnectorStatus.Available;

    /// <summary>The 1.6 ChargePointErrorCode (NoError unless Faulted).</summary>
    public string ErrorCode { get; internal set; } = "NoError";

    /// <summary>The EV at the cable's other end (the EV side); null when none is connected.</summary>
    public ElectricVehicle? Ev { get; internal set; }

    /// <summary>
    /// A cable's plug is in the station's socket (the station side). It stays there after the EV side is
    /// unplugged until someone takes it out, which the retention lock (<see cref="CableLocked"/>) may prevent.
    /// </summary>
    public bool CableInSocket { get; internal set; }

    /// <summary>
    /// The retention lock holds the cable in the socket: it engages when a transaction starts and opens when
    /// the transaction ends normally (1.6 §4.10), on UnlockConnector (1.6 §5.18), and after an EV-side disconnect
    /// only as UnlockConnectorOnEVSideDisconnect says (1.6 §4.10, §9.1.33).
    /// </summary>
    public bool CableLocked { get; internal set; }

    public ChargingSession? Session { get; internal set; }

    /// <summary>An authorized id tag waiting for the EV to be plugged in, with its remote start id.</summary>
    public PendingStart? Pending { get; internal set; }

    public Reservation? Reservation { get; internal set; }

    /// <summary>The cable retention lock is stuck: it neither locks nor unlocks until freed (a hardware fault the station cannot clear).</summary>
    public bool LockJammed { get; internal set; }

    /// <summary>Set by ChangeAvailability Inoperative; the connector is Unavailable once idle.</summary>
    public bool Inoperative { get; internal set; }

    /// <summary>The lifetime energy register, Wh.</summary>
    public double RegisterWh { get; internal set; }

    /// <summary>Power flowing now, W.</summary>
    public double PowerW { get; internal set; }

    /// <summary>The station's own limit for this connector now (composite of its charging profiles), W; null for none.</summary>
    public double? LimitW { get; internal set; }

    /// <summary>An EV is connected (the cable is in the socket and in the EV).</summary>
    public bool Plugged => Ev is not null;

    /// <summary>Current per phase now, A.</summary>
    public double CurrentA => Options.Dc ? PowerW / Options.Voltage : PowerW / (Options.Voltage * Options.Phases);
}

/// <summary>An authorization that waits for the EV: the id tag, and the 2.0.1 remote start id when remote.</summary>
public sealed record PendingStart(string IdTag, int? RemoteStartId, DateTimeOffset Since, bool Remote);

/// <summary>A reservation held on a connector until it expires or its id tag arrives.</summary>
public sealed record Reservation(int Id, string IdTag, string? ParentIdTag, DateTimeOffset ExpiresAt);
