using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;
using Iskra.Simulator.Protocol;

namespace Iskra.Simulator.Stations;

/// <summary>
/// The version-neutral rules of a charging station: the connector state machine (1.6 §4.9), when a
/// transaction starts (authorized and plugged in: 2.0.1 TxStartPoint PowerPathClosed) and stops, how the
/// EV draws power under the station's limit, and when meter values are due. Every method runs under
/// the station's lock; messages go out through the protocol into the outbox.
/// </summary>
internal sealed class ChargingLogic(SimStation station)
{
    private readonly Dictionary<int, DateTimeOffset> _lastSample = [];
    private DateTimeOffset? _lastAligned;

    private StationProtocol Protocol => station.Protocol;

    /// <summary>The 1.6 StatusNotification info of a status caused by an EV-side disconnect (1.6 §4.9).</summary>
    public const string EvSideDisconnected = "EV side disconnected";

    public void SetStatus(Connector connector, ConnectorStatus status, string? info = null)
    {
        if (connector.Status == status)
        {
            return;
        }

        connector.Status = status;
        Protocol.SendStatus(connector, info);
    }

    /// <summary>The status of a connector without a transaction (a cable left in the socket without an EV: Finishing, 1.6 §4.9).</summary>
    public static ConnectorStatus IdleStatus(Connector connector) =>
        connector.ErrorCode != "NoError" ? ConnectorStatus.Faulted
        : connector.Inoperative ? ConnectorStatus.Unavailable
        : connector.Reservation is not null ? ConnectorStatus.Reserved
        : connector.Plugged || connector.Pending is not null ? ConnectorStatus.Preparing
        : connector.CableInSocket ? ConnectorStatus.Finishing
        : ConnectorStatus.Available;

    public void PlugIn(Connector connector, ElectricVehicle ev)
    {
        if (connector.Plugged)
        {
            throw new InvalidOperationException($"Connector {connector.Id} already has an EV plugged in.");
        }

        connector.Ev = ev;
        connector.CableInSocket = true; // a new cable, or the EV back on the cable left in the socket
        if (connector.Session is null && connector.Pending is { } pending && Usable(connector))
        {
            StartTransaction(connector, pending.IdTag, pending.RemoteStartId, pending.Remote ? "RemoteStart" : "Authorized");
            return;
        }

        if (connector.Session is null)
        {
            SetStatus(connector, IdleStatus(connector));
        }
    }

    /// <summary>
    /// The driver unplugs the cable: from the EV, and out of the socket too unless the lock holds it there.
    /// With no EV connected any more, only the cable left in the socket is taken out (refused while locked).
    /// </summary>
    public void Unplug(Connector connector)
    {
        if (!connector.Plugged)
        {
            if (!connector.CableInSocket)
            {
                throw new InvalidOperationException($"Connector {connector.Id} has no EV plugged in and no cable in its socket.");
            }

            if (connector.CableLocked)
            {
                throw new InvalidOperationException($"Connector {connector.Id}: the cable is locked in the socket.");
            }

            connector.CableInSocket = false;
            station.Log.Note($"Connector {connector.Id}: the cable is taken out of the socket.");
            SetStatus(connector, IdleStatus(connector));
            return;
        }

        connector.Ev = null;
        connector.PowerW = 0;
        if (!connector.CableLocked)
        {
            connector.CableInSocket = false;
        }

        if (connector.Session is { } session)
        {
            DisconnectedAtEv(connector, session);
            return;
        }

        connector.Pending = null;
        SetStatus(connector, IdleStatus(connector));
    }

    /// <summary>
    /// The cable was unplugged at the EV during a transaction (1.6 §4.9, §4.10). StopTransactionOnEVSideDisconnect
    /// true: the transaction stops (EVDisconnected), the lock opens only when UnlockConnectorOnEVSideDisconnect is
    /// true, and a cable still in the socket keeps the connector Finishing. False: the transaction goes on,
    /// SuspendedEV, and the cable stays locked whatever UnlockConnectorOnEVSideDisconnect says.
    /// </summary>
    private void DisconnectedAtEv(Connector connector, ChargingSession session)
    {
        if (station.Configuration.GetBool("StopTransactionOnEVSideDisconnect", true))
        {
            var unlock = station.Configuration.GetBool("UnlockConnectorOnEVSideDisconnect", true);
            station.Log.Note($"Connector {connector.Id}: EV side disconnected; the transaction stops{(connector.CableInSocket && !unlock ? ", the cable stays locked" : string.Empty)}.");
            StopTransaction(connector, "EVDisconnected", "EVCommunicationLost", unlock, EvSideDisconnected);
            return;
        }

        station.Log.Note($"Connector {connector.Id}: EV side disconnected; the transaction goes on, the cable stays locked.");
        connector.Status = ConnectorStatus.SuspendedEV;
        Protocol.SendStatus(connector, EvSideDisconnected);
        Protocol.TransactionUpdated(connector, session, "EVCommunicationLost", "Trigger", []);
    }

    /// <summary>An authorized id tag for this connector: starts at once when the EV is plugged in, else waits for it.</summary>
    /// <returns>False when the connector cannot take it: busy, out of order, or reserved for another id tag.</returns>
    public bool Authorized(Connector connector, string idTag, int? remoteStartId, bool remote)
    {
        if (!CanStart(connector, idTag, station.Authorization.Lookup(idTag, station.Now, useList: true, useCache: true)?.ParentIdTag))
        {
            return false;
        }

        connector.Pending = new PendingStart(idTag, remoteStartId, station.Now, remote);
        if (connector.Plugged)
        {
            StartTransaction(connector, idTag, remoteStartId, remote ? "RemoteStart" : "Authorized");
        }
        else
        {
            SetStatus(connector, ConnectorStatus.Preparing);
        }

        return true;
    }

    /// <summary>True when <paramref name="idTag"/> (of the group <paramref name="parentIdTag"/>) may start a transaction on the connector now.</summary>
    public static bool CanStart(Connector connector, string idTag, string? parentIdTag = null) =>
        connector.Session is null && Usable(connector)
        && (connector.Reservation is not { } reservation || string.Equals(reservation.IdTag, idTag, StringComparison.OrdinalIgnoreCase)
            || (reservation.ParentIdTag is { } group && string.Equals(group, parentIdTag, StringComparison.OrdinalIgnoreCase)));

    public void StartTransaction(Connector connector, string idTag, int? remoteStartId, string trigger)
    {
        var reservation = connector.Reservation;
        if (connector.Status == ConnectorStatus.Reserved && station.Version == Iskra.Ocpp.OcppVersion.V16)
        {
            // 1.6 §4.9 state table: Reserved leads to Preparing (G2, the reservation's identity is presented), never straight to Charging.
            SetStatus(connector, ConnectorStatus.Preparing);
        }

        var session = new ChargingSession(NewLocalId(), idTag, connector.RegisterWh, station.Now)
        {
            RemoteStartId = remoteStartId,
            ReservationId = reservation?.Id,
            ParentIdTag = station.Authorization.Lookup(idTag, station.Now, useList: true, useCache: true)?.ParentIdTag,
        };
        connector.Reservation = null;
        connector.Pending = null;
        connector.Session = session;
        connector.CableLocked = connector.CableInSocket; // the socket locks the cable for the transaction
        _lastSample[connector.Id] = station.Now;

        // The status is the one the transaction starts in; its StatusNotification follows the start message.
        var previous = connector.Status;
        connector.Status = connector.Ev is { Satisfied: false } ? ConnectorStatus.Charging : ConnectorStatus.SuspendedEV;
        Protocol.TransactionStarted(connector, session, trigger, Readings(connector, "MeterValuesSampledData"));
        if (previous != connector.Status)
        {
            Protocol.SendStatus(connector, null);
        }
    }

    /// <summary>
    /// Ends the connector's transaction; <paramref name="reason"/> is the 1.6 Reason spelling. The lock opens
    /// (1.6 §4.10: part of the normal termination) unless <paramref name="unlock"/> is false; a cable still in
    /// the socket leaves the connector Finishing, with <paramref name="info"/> in its StatusNotification.
    /// </summary>
    public void StopTransaction(Connector connector, string reason, string trigger, bool unlock = true, string? info = null)
    {
        if (connector.Session is not { } session)
        {
            return;
        }

        session.StopReason = reason;
        connector.PowerW = 0;
        var readings = Readings(connector, "StopTxnSampledData");
        connector.Session = null;
        if (unlock)
        {
            connector.CableLocked = false;
        }

        Protocol.TransactionEnded(connector, session, trigger, readings);
        SetStatus(connector, connector.Plugged || connector.CableInSocket ? ConnectorStatus.Finishing : IdleStatus(connector), info);
    }

    /// <summary>
    /// The CSMS refused the id tag in its answer to the start (1.6 §3.5.1 and §9.1.24 StopTransactionOnInvalidId,
    /// 2.0.1 E05 TxCtrlr.StopTxOnInvalidId): the transaction stops as DeAuthorized; with the key false only the
    /// energy delivery stops (no MaxEnergyOnInvalidId: none is delivered any more) and the connector turns
    /// SuspendedEVSE. Called from the answer, outside the lock: the stop takes the lock itself, shortly after.
    /// </summary>
    public void RefusedAfterStart(Connector connector, ChargingSession session)
    {
        session.Deauthorized = true;
        if (!station.Configuration.GetBool("StopTransactionOnInvalidId", true))
        {
            session.EnergyStopped = true;
            station.Log.Note($"Connector {connector.Id}: the id tag was refused after the start; energy delivery stops.");
            return;
        }

        station.Later(TimeSpan.Zero, () => station.LockedAsync(() =>
        {
            if (connector.Session == session)
            {
                StopTransaction(connector, "DeAuthorized", "Deauthorized");
            }
        }));
    }

    /// <summary>Advances time on every connector: EV charging, timeouts, expiries and due meter values.</summary>
    public void Tick(TimeSpan elapsed)
    {
        var now = station.Now;
        SmartCharging.ChargingLimits.Apply(station);
        foreach (var connector in station.Connectors)
        {
            ExpireWaits(connector, now);
            if (connector.Session is { } session)
            {
                Charge(connector, session, elapsed);
                var interval = station.Configuration.GetInt("MeterValueSampleInterval", 60);
                if (interval > 0 && now - _lastSample.GetValueOrDefault(connector.Id, now) >= TimeSpan.FromSeconds(interval))
                {
                    _lastSample[connector.Id] = now;
                    if (station.Faults.IsOn(StationFault.NoMeterValues))
                    {
                        continue; // the sample is due, and not sent
                    }

                    Protocol.TransactionUpdated(connector, session, "MeterValuePeriodic", "Sample.Periodic", Readings(connector, "MeterValuesSampledData"));
                }
            }
        }

        SendAligned(now);
    }

    /// <summary>The readings of the measurands configured under <paramref name="configurationKey"/>.</summary>
    public IReadOnlyList<MeterReading> Readings(Connector connector, string configurationKey) =>
        MeterReadings.Of(station, connector, station.Configuration.GetList(configurationKey));

    private static bool Usable(Connector connector) => connector.ErrorCode == "NoError" && !connector.Inoperative;

    private void Charge(Connector connector, ChargingSession session, TimeSpan elapsed)
    {
        var ev = connector.Ev;
        var offered = session.EnergyStopped ? 0 : connector.Options.MaxPowerW; // 1.6 §3.5.1: a refused id tag gets no more energy
        if (connector.LimitW is { } limit && !station.Faults.IsOn(StationFault.IgnoresChargingLimits))
        {
            offered = Math.Min(offered, limit);
        }

        var power = ev is null ? 0 : Math.Min(offered, ev.WantedPowerW());
        connector.PowerW = power;
        if (power > 0 && ev is not null)
        {
            connector.RegisterWh += ev.Charge(power, elapsed);
            session.SecondsCharging += elapsed.TotalSeconds;
        }

        var status = ev is null || ev.Satisfied ? ConnectorStatus.SuspendedEV
            : power > 0 ? ConnectorStatus.Charging
            : ConnectorStatus.SuspendedEVSE;
        if (status != connector.Status)
        {
            SetStatus(connector, status);
            Protocol.TransactionUpdated(connector, session, "ChargingStateChanged", "Trigger", []);
        }
    }

    private void ExpireWaits(Connector connector, DateTimeOffset now)
    {
        if (connector.Pending is { } pending && !connector.Plugged
            && now - pending.Since >= TimeSpan.FromSeconds(station.Configuration.GetInt("ConnectionTimeOut", 120)))
        {
            connector.Pending = null;
            SetStatus(connector, IdleStatus(connector));
        }

        if (connector.Reservation is { } reservation && reservation.ExpiresAt <= now)
        {
            connector.Reservation = null;
            Protocol.ReservationEnded(reservation, expired: true);
            if (connector.Session is null)
            {
                SetStatus(connector, IdleStatus(connector));
            }
        }
    }

    /// <summary>Clock-aligned values at every whole multiple of ClockAlignedDataInterval since midnight UTC.</summary>
    private void SendAligned(DateTimeOffset now)
    {
        var interval = station.Configuration.GetInt("ClockAlignedDataInterval", 0);
        if (interval <= 0)
        {
            _lastAligned = null;
            return;
        }

        var slot = TimeSpan.FromSeconds(interval).Ticks;
        var boundary = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % slot), TimeSpan.Zero);
        if (_lastAligned is null)
        {
            _lastAligned = boundary;
            return;
        }

        if (boundary <= _lastAligned)
        {
            return;
        }

        _lastAligned = boundary;
        foreach (var connector in station.Connectors)
        {
            // 1.6 §3.16.2, §9.1.5; 2.0.1 AlignedDataInterval: the readings of the aligned moment, timestamped with it.
            var readings = Readings(connector, "MeterValuesAlignedData");
            if (connector.Session is { } session)
            {
                if (!station.Faults.IsOn(StationFault.NoMeterValues))
                {
                    Protocol.TransactionUpdated(connector, session, "MeterValueClock", "Sample.Clock", readings, boundary);
                }
            }
            else
            {
                Protocol.IdleMeterValues(connector, "Sample.Clock", readings, boundary);
            }
        }
    }

    /// <summary>A transaction id of the station's own: unique, and within the 2.0.1 limit of 36 characters.</summary>
    private static string NewLocalId() => Guid.NewGuid().ToString("D");
}
