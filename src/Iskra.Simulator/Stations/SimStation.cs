using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Simulator.Authorization;
using Iskra.Simulator.Configuration;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Model;
using Iskra.Simulator.Protocol;
using Iskra.Simulator.SmartCharging;

namespace Iskra.Simulator.Stations;

/// <summary>
/// One simulated charging station, and the in-process control API over it: start and stop it, act
/// on it physically (plug in, present a card, unplug, faults, power and network loss), switch its
/// faults, and read its state and log. It speaks OCPP 1.6-J or 2.0.1 to any CSMS.
/// </summary>
public sealed class SimStation : IAsyncDisposable, IRpcCallHandler
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly StationClock _clock;
    private CancellationTokenSource? _running;
    private Task _work = Task.CompletedTask;
    private bool _powered = true;
    private bool _networkUp = true;
    private bool _rebooting;
    private DateTimeOffset? _powerCutAt;
    private TimeSpan _heartbeatInterval;
    private string? _password;

    public SimStation(StationOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Id);
        Options = options;
        Time = time ?? TimeProvider.System;
        Faults = new FaultSet();
        _clock = new StationClock(Time, Faults);
        Log = new StationLog(Time);
        Configuration = new ConfigurationStore(options.Connectors.Count);
        foreach (var (key, value) in options.Configuration)
        {
            Configuration.SetInternal(key, value);
        }

        if (options.Version == OcppVersion.V16)
        {
            Configuration.AddSecurityKeys(options.ClientCertificate is not null ? 3 : options.CsmsUrl.Scheme == "wss" ? 2 : options.Password is not null ? 1 : 0);
        }

        _password = options.Password;
        _heartbeatInterval = TimeSpan.FromSeconds(Configuration.GetInt("HeartbeatInterval", 300));
        FirmwareVersion = options.FirmwareVersion;
        Connectors = [.. options.Connectors.Select((c, i) => new Connector(i + 1, c))];
        Outbox = new Outbox(this);
        Wire = new StationWire(this);
        Link = new StationLink(this);
        Logic = new ChargingLogic(this);
        Protocol = StationProtocols.Create(this);
        DeviceModel = new V201.DeviceModel(this);
    }

    public string Id => Options.Id;

    public OcppVersion Version => Options.Version;

    public StationOptions Options { get; }

    public TimeProvider Time { get; }

    public FaultSet Faults { get; }

    public StationLog Log { get; }

    public ConfigurationStore Configuration { get; }

    public LocalAuthorization Authorization { get; } = new();

    public IReadOnlyList<Connector> Connectors { get; }

    /// <summary>The charging profiles installed (1.6 Smart Charging, 2.0.1 K); changed under the lock.</summary>
    public ChargingProfileStore ChargingProfiles { get; } = new();

    /// <summary>The firmware running now (a firmware update changes it at its reboot).</summary>
    public string FirmwareVersion { get; internal set; }

    /// <summary>The last firmware status reported (1.6 FirmwareStatus / 2.0.1 FirmwareStatusEnumType spelling), Idle at first.</summary>
    public string FirmwareStatus { get; internal set; } = "Idle";

    /// <summary>The requestId of the firmware update in progress or last done (security extension / 2.0.1).</summary>
    public int? FirmwareRequestId { get; internal set; }

    /// <summary>The last diagnostics/log upload status reported (Idle at first).</summary>
    public string UploadStatus { get; internal set; } = "Idle";

    /// <summary>The requestId of the log upload in progress or last done.</summary>
    public int? UploadRequestId { get; internal set; }

    /// <summary>The station's own clock (it may drift: <see cref="StationFault.DriftingClock"/>).</summary>
    public DateTimeOffset Now => _clock.Now;

    /// <summary>Connected and accepted by the CSMS: messages flow.</summary>
    public bool IsOnline => Link.Accepted;

    public bool IsConnected => Link.Connected;

    /// <summary>Started and not stopped.</summary>
    public bool IsRunning => _running is not null;

    /// <summary>The last BootNotification status (Accepted, Pending, Rejected), null before one.</summary>
    public string? Registration => Link.Registration;

    public bool IsPowered => _powered;

    /// <summary>How often a Heartbeat goes out: from the boot answer or the configuration.</summary>
    public TimeSpan HeartbeatInterval => _heartbeatInterval;

    /// <summary>Transaction messages waiting for the CSMS.</summary>
    public int QueuedTransactionMessages => Outbox.PendingTransactionMessages;

    /// <summary>Times the station has connected so far.</summary>
    public int Connections => Link.Connections;

    internal Outbox Outbox { get; }

    internal StationWire Wire { get; }

    internal StationLink Link { get; }

    internal ChargingLogic Logic { get; }

    internal StationProtocol Protocol { get; }

    /// <summary>The 2.0.1 device model over <see cref="Configuration"/>, with its monitors (used by a 2.0.1 station).</summary>
    internal V201.DeviceModel DeviceModel { get; }

    /// <summary>The whole station was made Inoperative (1.6 ChangeAvailability of connectorId 0, 2.0.1 without an EVSE); it persists across reboots.</summary>
    internal bool StationInoperative { get; set; }

    /// <summary>The reason of the next BootNotification, in the 2.0.1 BootReason spelling.</summary>
    internal string BootReason { get; set; } = "PowerUp";

    /// <summary>Powers the station on: it connects, boots and runs until <see cref="StopAsync"/>.</summary>
    public void Start()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException($"Station {Id} is already running.");
        }

        _running = new CancellationTokenSource();
        _work = Task.WhenAll(Link.RunAsync(_running.Token), TickAsync(_running.Token));
    }

    /// <summary>Stops the station and closes its connection.</summary>
    public async Task StopAsync()
    {
        if (_running is not { } running)
        {
            return;
        }

        await running.CancelAsync().ConfigureAwait(false);
        Link.Drop();
        try
        {
            await _work.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        running.Dispose();
        _running = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        Outbox.Dispose();
        Link.Dispose();
        _lock.Dispose();
    }

    public Connector Connector(int id) =>
        id >= 1 && id <= Connectors.Count ? Connectors[id - 1] : throw new ArgumentOutOfRangeException(nameof(id), id, $"Station {Id} has connectors 1 to {Connectors.Count}.");

    /// <summary>An EV is plugged into the connector (a default 60 kWh car at 30 % when none is given).</summary>
    public Task PlugInAsync(int connectorId, ElectricVehicle? ev = null) =>
        LockedAsync(() => Logic.PlugIn(Connector(connectorId), ev ?? new ElectricVehicle()));

    public Task UnplugAsync(int connectorId) => LockedAsync(() => Logic.Unplug(Connector(connectorId)));

    /// <summary>
    /// A card is held to the reader of the connector: it stops that connector's transaction when it is
    /// the same id tag, otherwise it is authorized (list, cache, CSMS) and starts or waits for the plug.
    /// Returns the authorization status, or "Stopped".
    /// </summary>
    public async Task<string> PresentCardAsync(int connectorId, string idTag)
    {
        ArgumentException.ThrowIfNullOrEmpty(idTag);
        var connector = Connector(connectorId);
        var (stopped, running) = await LockedAsync(() =>
        {
            if (connector.Session is { } session && string.Equals(session.IdTag, idTag, StringComparison.OrdinalIgnoreCase))
            {
                Logic.StopTransaction(connector, "Local", "StopAuthorized");
                return (true, (ChargingSession?)null);
            }

            return (false, connector.Session);
        }).ConfigureAwait(false);
        if (stopped)
        {
            return "Stopped";
        }

        if (running is not null)
        {
            return await PresentOtherCardAsync(connector, running, idTag).ConfigureAwait(false);
        }

        var status = await AuthorizeAsync(idTag).ConfigureAwait(false);
        if (status != "Accepted")
        {
            Log.Note($"Card {idTag} was not accepted ({status}).");
            return status;
        }

        var started = await LockedAsync(() => Logic.Authorized(connector, idTag, null, remote: false)).ConfigureAwait(false);
        return started ? status : "ConnectorBusy";
    }

    /// <summary>The EV stops drawing power (the driver paused from the car): SuspendedEV.</summary>
    public Task SuspendEvAsync(int connectorId) => LockedAsync(() => SetPaused(connectorId, true));

    public Task ResumeEvAsync(int connectorId) => LockedAsync(() => SetPaused(connectorId, false));

    /// <summary>A hardware fault on the connector (a 1.6 ChargePointErrorCode, e.g. GroundFailure): Faulted.</summary>
    public Task FaultAsync(int connectorId, string errorCode = "OtherError") => LockedAsync(() =>
    {
        var connector = Connector(connectorId);
        connector.ErrorCode = errorCode == "NoError" ? "OtherError" : errorCode;
        Logic.StopTransaction(connector, "Other", "AbnormalCondition");
        Logic.SetStatus(connector, ConnectorStatus.Faulted);
    });

    public Task ClearFaultAsync(int connectorId) => LockedAsync(() =>
    {
        var connector = Connector(connectorId);
        connector.ErrorCode = "NoError";
        Logic.SetStatus(connector, ChargingLogic.IdleStatus(connector));
    });

    /// <summary>
    /// The power fails: the connection drops and everything stops until <see cref="PowerRestoreAsync"/>. On
    /// <see cref="StationOptions.BackupPower"/> the transactions stop first (PowerLoss) and their messages go out.
    /// </summary>
    public async Task PowerCutAsync()
    {
        if (Options.BackupPower)
        {
            await LockedAsync(() =>
            {
                foreach (var connector in Connectors.Where(c => c.Session is not null))
                {
                    Logic.StopTransaction(connector, "PowerLoss", "AbnormalCondition");
                }
            }).ConfigureAwait(false);
            var deadline = Time.GetUtcNow() + TimeSpan.FromSeconds(5);
            while (IsOnline && Outbox.Pending > 0 && Time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
            }
        }

        await LockedAsync(() =>
        {
            _powered = false;
            _powerCutAt = Now;
            foreach (var connector in Connectors)
            {
                connector.PowerW = 0;
            }

            Log.Note("Power cut.");
            Link.Drop();
        }).ConfigureAwait(false);
    }

    /// <summary>Power returns: transactions cut by the loss stop with reason PowerLoss, and the station boots (PowerUp).</summary>
    public Task PowerRestoreAsync() => LockedAsync(() =>
    {
        if (_powered)
        {
            return;
        }

        foreach (var connector in Connectors.Where(c => c.Session is not null))
        {
            Logic.StopTransaction(connector, "PowerLoss", "AbnormalCondition");
        }

        BootReason = "PowerUp";
        _powered = true;
        Log.Note($"Power restored after the cut at {_powerCutAt:O}.");
    });

    /// <summary>The network goes away: the station keeps charging and queues its transaction messages.</summary>
    public Task NetworkDownAsync() => LockedAsync(() =>
    {
        _networkUp = false;
        Log.Note("Network down.");
        Link.Drop();
    });

    public Task NetworkUpAsync() => LockedAsync(() =>
    {
        _networkUp = true;
        Log.Note("Network up.");
    });

    /// <summary>Waits until <paramref name="condition"/> holds (checked every 50 ms), or throws <see cref="TimeoutException"/>.</summary>
    public async Task WaitUntilAsync(Func<SimStation, bool> condition, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = Time.GetUtcNow() + timeout;
        while (!condition(this))
        {
            if (Time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"Station {Id}: the awaited condition did not hold within {timeout}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="action"/> under the station's lock (the model changes one step at a time).</summary>
    public async Task LockedAsync(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            action();
        }
        finally
        {
            _lock.Release();
        }
    }

    public async Task<T> LockedAsync<T>(Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await _lock.WaitAsync().ConfigureAwait(false);
        try
        {
            return action();
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Authorizes an id tag as the station would (1.6 §3.4, 2.0.1 C01/C12/C15): the local list or cache
    /// first when LocalPreAuthorize, then the CSMS; offline, the list and cache (LocalAuthorizeOffline)
    /// or AllowOfflineTxForUnknownId. Returns the 1.6 AuthorizationStatus spelling.
    /// </summary>
    public async Task<string> AuthorizeAsync(string idTag) => (await AuthorizeEntryAsync(idTag).ConfigureAwait(false)).Status;

    /// <summary>Like <see cref="AuthorizeAsync"/>, with what is known of the id tag (its parentIdTag group, 1.6 §3.10).</summary>
    internal async Task<IdTagEntry> AuthorizeEntryAsync(string idTag)
    {
        var useList = Configuration.GetBool("LocalAuthListEnabled", true);
        var useCache = Configuration.GetBool("AuthorizationCacheEnabled", true);
        var known = Authorization.Lookup(idTag, Now, useList, useCache);
        if (IsOnline)
        {
            if (Configuration.GetBool("LocalPreAuthorize", false) && known is { Status: "Accepted" })
            {
                return known;
            }

            var answer = await Outbox.Enqueue(Protocol.Authorize(idTag)).Answered.ConfigureAwait(false);
            if (answer is { } reply)
            {
                var entry = Protocol.ReadAuthorize(idTag, reply);
                if (useCache)
                {
                    Authorization.Remember(entry);
                }

                return entry;
            }
        }

        if (Configuration.GetBool("LocalAuthorizeOffline", true) && known is not null)
        {
            return known;
        }

        return new IdTagEntry(idTag, Configuration.GetBool("AllowOfflineTxForUnknownId", false) ? "Accepted" : "Invalid");
    }

    /// <summary>Stops every transaction, lets the stop messages go out, and boots again (Reset, firmware update).</summary>
    internal async Task RebootAsync(string bootReason, string stopReason, TimeSpan downtime)
    {
        await LockedAsync(() =>
        {
            foreach (var connector in Connectors.Where(c => c.Session is not null))
            {
                Logic.StopTransaction(connector, stopReason, "ResetCommand");
            }
        }).ConfigureAwait(false);

        // 1.6 §5.14: stop messages go out before the reboot when the link allows.
        var deadline = Time.GetUtcNow() + TimeSpan.FromSeconds(5);
        while (IsOnline && Outbox.PendingTransactionMessages > 0 && Time.GetUtcNow() < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50)).ConfigureAwait(false);
        }

        _rebooting = true;
        BootReason = bootReason;
        Log.Note($"Rebooting ({bootReason}).");
        Link.Drop();
        await Task.Delay(downtime).ConfigureAwait(false);
        _rebooting = false;
    }

    /// <summary>Runs <paramref name="action"/> after <paramref name="delay"/>, as a station acts shortly after answering a command.</summary>
    internal void Later(TimeSpan delay, Func<Task> action) => _ = LaterAsync(delay, action);

    internal async Task WaitUntilReachableAsync(CancellationToken cancellationToken)
    {
        while (!(_powered && _networkUp && !_rebooting))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }
    }

    internal void BootAccepted(BootAnswer answer)
    {
        if (answer.IntervalSeconds > 0 && !Faults.IsOn(StationFault.IgnoresHeartbeatInterval))
        {
            SetHeartbeatInterval(answer.IntervalSeconds);
        }
    }

    /// <summary>The Basic-auth password the station connects with: the configured one, or the last the CSMS set.</summary>
    internal string? Password => Volatile.Read(ref _password);

    /// <summary>
    /// 1.6 security A01 (AuthorizationKey): keeps the new password, then, once the ChangeConfiguration.conf is out,
    /// drops the connection (queued messages stay queued) and reconnects with it.
    /// </summary>
    internal void RotatePassword(string password)
    {
        Volatile.Write(ref _password, password);
        Log.Note("New AuthorizationKey: reconnecting with it.");
        Later(Options.ActionDelay, () =>
        {
            Link.Drop();
            return Task.CompletedTask;
        });
    }

    /// <summary>A new heartbeat interval from the CSMS (boot answer, ChangeConfiguration, SetVariables).</summary>
    internal void SetHeartbeatInterval(int seconds)
    {
        Configuration.SetInternal("HeartbeatInterval", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!Faults.IsOn(StationFault.IgnoresHeartbeatInterval))
        {
            _heartbeatInterval = TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>After an accepted boot: every connector's status (1.6 §4.9; 2.0.1 B01.FR.05), unless the fault forbids.</summary>
    internal Task AcceptedAsync() => LockedAsync(() =>
    {
        if (Faults.IsOn(StationFault.DropsQueuedTransactionMessages))
        {
            var dropped = Outbox.DropTransactionMessages();
            if (dropped > 0)
            {
                Log.Note($"Dropped {dropped} queued transaction messages.");
            }
        }

        if (Faults.IsOn(StationFault.NoStatusAfterBoot))
        {
            return;
        }

        // 1.6 §4.9: connector 0 is the station itself; it is Unavailable only when the station as a whole
        // was made Inoperative (ChangeAvailability of connectorId 0, 1.6 §5.2), not when one connector was.
        Protocol.SendStationStatus(!StationInoperative);
        foreach (var connector in Connectors)
        {
            Protocol.SendStatus(connector, null);
        }
    });

    async ValueTask<RpcReply> IRpcCallHandler.HandleAsync(RpcCall request, CancellationToken cancellationToken)
    {
        if (Faults.IsOn(StationFault.AnswersLate))
        {
            await Task.Delay(Options.LateAnswerDelay, Time, cancellationToken).ConfigureAwait(false);
        }

        var action = OcppCatalogs.Find(Version, request.Action);
        if (action is null || action.Direction == OcppDirection.StationToCsms)
        {
            // OCPP-J 1.6 §4.2.3 / 2.0.1 §4.3: an action the station does not know.
            return Faults.IsOn(StationFault.ResultForUnknownAction)
                ? EmptyResult()
                : RpcReply.Error(OcppErrorCode.NotImplemented, $"{request.Action} is not an action this station knows.");
        }

        if (action.ValidateRequest(request.Payload) is { } error)
        {
            return RpcReply.Error(error.Code, $"{error.Path}: {error.Message}");
        }

        var reply = await Protocol.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        return reply is { IsError: true, ErrorCode: OcppErrorCode.NotSupported } && Faults.IsOn(StationFault.ResultForUnknownAction) ? EmptyResult() : reply;
    }

    /// <summary>An empty CALLRESULT, what a station with <see cref="StationFault.ResultForUnknownAction"/> answers to what it does not do.</summary>
    private static RpcReply EmptyResult()
    {
        using var empty = System.Text.Json.JsonDocument.Parse("{}");
        return RpcReply.Result(empty.RootElement.Clone());
    }

    /// <summary>
    /// A card other than the one that started the connector's transaction (1.6 §3.10): it stops the transaction
    /// when it belongs to the same group (equal parentIdTag). Without a group no other card can, so it is not
    /// even authorized. Returns "Stopped", or the authorization status / "ConnectorBusy".
    /// </summary>
    private async Task<string> PresentOtherCardAsync(Connector connector, ChargingSession session, string idTag)
    {
        if (session.ParentIdTag is null)
        {
            Log.Note($"Card {idTag} ignored: connector {connector.Id} charges for another id tag, of no group.");
            return "ConnectorBusy";
        }

        var entry = await AuthorizeEntryAsync(idTag).ConfigureAwait(false);
        if (entry.Status != "Accepted" || !string.Equals(entry.ParentIdTag, session.ParentIdTag, StringComparison.OrdinalIgnoreCase))
        {
            Log.Note($"Card {idTag} does not stop the transaction on connector {connector.Id} ({entry.Status}, group {entry.ParentIdTag ?? "none"}).");
            return entry.Status == "Accepted" ? "ConnectorBusy" : entry.Status;
        }

        return await LockedAsync(() =>
        {
            if (connector.Session != session)
            {
                return "ConnectorBusy";
            }

            session.StopIdTag = idTag;
            Logic.StopTransaction(connector, "Local", "StopAuthorized");
            return "Stopped";
        }).ConfigureAwait(false);
    }

    private void SetPaused(int connectorId, bool paused)
    {
        var connector = Connector(connectorId);
        if (connector.Ev is not { } ev)
        {
            throw new InvalidOperationException($"Connector {connectorId} has no EV plugged in.");
        }

        ev.Paused = paused;
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        var last = Time.GetUtcNow();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Options.Tick, Time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var now = Time.GetUtcNow();
            var elapsed = now - last;
            last = now;
            if (_powered)
            {
                await LockedAsync(() =>
                {
                    Logic.Tick(elapsed);
                    DeviceModel.Watch();
                }).ConfigureAwait(false);
            }
        }
    }

    private async Task LaterAsync(TimeSpan delay, Func<Task> action)
    {
        try
        {
            await Task.Delay(delay, Time).ConfigureAwait(false);
            await action().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or OperationCanceledException)
        {
            Log.Note($"A delayed action failed: {ex.Message}");
        }
    }
}
