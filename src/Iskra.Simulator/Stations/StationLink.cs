using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;
using Iskra.Simulator.Faults;

namespace Iskra.Simulator.Stations;

/// <summary>
/// The station's connection to the CSMS: connect (subprotocol, Basic auth, TLS client certificate),
/// BootNotification until Accepted (1.6 §4.2, 2.0.1 B01–B03), then statuses, heartbeats and the outbox;
/// on loss, reconnect after a randomized, growing back-off (2.0.1 B.RetryBackOff*).
/// </summary>
internal sealed class StationLink(SimStation station) : IDisposable
{
    /// <summary>The one message id of a station with the <see cref="StationFault.ReusesMessageIds"/> fault.</summary>
    internal const string ReusedMessageId = "1";

    private readonly Random _random = station.Options.RandomSeed is { } seed ? new Random(seed) : new Random();
    private readonly SemaphoreSlim _bootNow = new(0);
    private RpcChannel? _channel;
    private CancellationTokenSource? _connection;
    private bool _accepted;

    /// <summary>Connected at the WebSocket level.</summary>
    public bool Connected => _channel?.IsOpen == true;

    /// <summary>The last BootNotification status: Accepted, Pending, Rejected, or null before one was answered.</summary>
    public string? Registration { get; private set; }

    /// <summary>This connection's BootNotification was accepted: messages flow (false again once it drops).</summary>
    public bool Accepted => Volatile.Read(ref _accepted) && Connected;

    /// <summary>Connections made so far (a reconnect counts one more).</summary>
    public int Connections { get; private set; }

    /// <summary>Runs until <paramref name="stop"/>: connects whenever the station is powered and its network is up.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        var failures = 0;
        while (!stop.IsCancellationRequested)
        {
            await station.WaitUntilReachableAsync(stop).ConfigureAwait(false);
            var socket = CreateSocket();
            try
            {
                await socket.ConnectAsync(new Uri(station.Options.CsmsUrl.ToString().TrimEnd('/') + "/" + Uri.EscapeDataString(station.Id)), stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
            {
                socket.Dispose();
                failures++;
                station.Log.Note($"Connecting failed ({ex.Message}); retrying.");
                await DelayAsync(Backoff(failures), stop).ConfigureAwait(false);
                continue;
            }
            catch (OperationCanceledException)
            {
                socket.Dispose();
                return;
            }

            Connections++;

            // A connection that was accepted starts the back-off afresh; one lost before its boot was
            // accepted counts as a failure, so a CSMS that drops every connection is not hammered.
            failures = await RunConnectionAsync(socket, stop).ConfigureAwait(false) ? 1 : failures + 1;
            await DelayAsync(Backoff(failures), stop).ConfigureAwait(false);
        }
    }

    /// <summary>Drops the connection now (network loss, power cut, reboot); <see cref="RunAsync"/> reconnects when allowed.</summary>
    public void Drop()
    {
        try
        {
            _connection?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection has ended already.
        }
    }

    /// <summary>Sends a BootNotification now instead of after the interval (TriggerMessage while Pending).</summary>
    public void BootNow() => _bootNow.Release();

    public RpcChannel? Channel => _channel;

    public void Dispose() => _bootNow.Dispose();

    /// <summary>One connection from boot to loss; true when its boot was accepted.</summary>
    private async Task<bool> RunConnectionAsync(ClientWebSocket socket, CancellationToken stop)
    {
        var accepted = false;
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(stop);
        _connection = connection;
        var options = new RpcChannelOptions
        {
            CallTimeout = station.Options.CallTimeout,
            MaxMessagesPerSecond = 100_000,
            MessageBurst = 100_000,
            MaxFrameBytes = 4 << 20,
            MessageIds = NextMessageId,
        };
        var channel = new RpcChannel(socket, station.Version, station, station.Log, options, station.Time);
        _channel = channel;
        var running = channel.RunAsync(connection.Token);
        station.Log.Note("Connected.");
        try
        {
            if (await BootAsync(channel, connection.Token).ConfigureAwait(false))
            {
                accepted = true;
                station.Outbox.SetOnline(true);
                await station.AcceptedAsync().ConfigureAwait(false);
                var pump = station.Outbox.PumpAsync(channel, connection.Token);
                var heartbeats = HeartbeatsAsync(channel, connection.Token);
                await Task.WhenAny(running, pump, heartbeats).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // Dropped on purpose or stopping.
        }
        finally
        {
            Volatile.Write(ref _accepted, false);
            station.Outbox.SetOnline(false);
            _channel = null;
            await connection.CancelAsync().ConfigureAwait(false);
            socket.Abort();
            await channel.DisposeAsync().ConfigureAwait(false);
            await running.ConfigureAwait(false);
            _connection = null;
            station.Log.Note("Disconnected.");
        }

        return accepted;
    }

    /// <summary>BootNotification until Accepted; false when the connection ends first.</summary>
    private async Task<bool> BootAsync(RpcChannel channel, CancellationToken cancellationToken)
    {
        while (channel.IsOpen && !cancellationToken.IsCancellationRequested)
        {
            BootAnswerOrNull answer;
            try
            {
                var payload = station.Wire.Outgoing("BootNotification", station.Protocol.BootPayload(station.BootReason));
                var reply = await channel.CallAsync("BootNotification", payload, station.Options.CallTimeout, cancellationToken).ConfigureAwait(false);
                answer = new(Protocol.StationProtocol.ReadBoot(reply));
            }
            catch (Exception ex) when (ex is OcppCallErrorException or OcppCallTimeoutException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                station.Log.Note($"BootNotification failed: {ex.Message}");
                answer = new(null);
            }
            catch (StationDisconnectedException)
            {
                return false;
            }

            var boot = answer.Value;
            Registration = boot?.Status ?? Registration;
            Volatile.Write(ref _accepted, boot is { Status: "Accepted" });
            if (boot is { Status: "Accepted" })
            {
                station.BootAccepted(boot);
                return true;
            }

            // 1.6 §4.2: wait the interval (or a default when it is 0) before the next BootNotification.
            var wait = TimeSpan.FromSeconds(boot is { IntervalSeconds: > 0 } ? boot.IntervalSeconds : 30);
            await _bootNow.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task HeartbeatsAsync(RpcChannel channel, CancellationToken cancellationToken)
    {
        var last = station.Time.GetUtcNow();
        while (channel.IsOpen && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), station.Time, cancellationToken).ConfigureAwait(false);
            var interval = station.HeartbeatInterval;
            if (interval > TimeSpan.Zero && station.Time.GetUtcNow() - last >= interval)
            {
                last = station.Time.GetUtcNow();
                station.Outbox.Enqueue(Protocol.StationProtocol.Heartbeat());
            }
        }
    }

    private ClientWebSocket CreateSocket()
    {
        var socket = new ClientWebSocket();
        var options = station.Options;
        socket.Options.AddSubProtocol(station.Version.Subprotocol());
        if (station.Password is { } password)
        {
            socket.Options.SetRequestHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{station.Id}:{password}")));
        }

        if (options.ClientCertificate is { } configured)
        {
            var certificate = Security.CertificateStore.Of(station).ClientCertificate(configured, station.Now);
            socket.Options.ClientCertificates = new X509CertificateCollection { certificate };
        }

        if (options.ServerCertificateAuthority is { } authority)
        {
            socket.Options.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && TrustedBy(authority, certificate, errors));
        }

        var ping = station.Configuration.GetInt("WebSocketPingInterval", 0);
        socket.Options.KeepAliveInterval = ping > 0 ? TimeSpan.FromSeconds(ping) : TimeSpan.Zero;
        return socket;
    }

    /// <summary>The server's certificate chains to <paramref name="authority"/> (a private CA); its name must still match.</summary>
    private static bool TrustedBy(X509Certificate2 authority, X509Certificate certificate, SslPolicyErrors errors)
    {
        if ((errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != SslPolicyErrors.None)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return chain.Build(server);
    }

    private TimeSpan Backoff(int failures) => Backoff(failures, station.Options.ReconnectMinDelay, station.Options.ReconnectMaxDelay, _random);

    /// <summary>
    /// The wait before reconnect attempt <paramref name="failures"/> (1 for the first): the step
    /// min × 2^(n-1), at most max, of which a random half is waived so a fleet that lost its CSMS at
    /// once does not come back in step (2.0.1 B.RetryBackOffWaitMinimum / RandomRange). Always within
    /// [step / 2, step], so never longer than <paramref name="max"/>.
    /// </summary>
    internal static TimeSpan Backoff(int failures, TimeSpan min, TimeSpan max, Random random)
    {
        var step = Math.Min(max.Ticks, min.Ticks * Math.Pow(2, Math.Clamp(failures - 1, 0, 30)));
        return TimeSpan.FromTicks((long)(step / 2 * (1 + random.NextDouble())));
    }

    /// <summary>A new id per CALL, or one id for all of them while the <see cref="StationFault.ReusesMessageIds"/> fault is on.</summary>
    private string NextMessageId() =>
        station.Faults.IsOn(StationFault.ReusesMessageIds) ? ReusedMessageId : Guid.NewGuid().ToString("D");

    private async Task DelayAsync(TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await Task.Delay(delay, station.Time, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    private readonly record struct BootAnswerOrNull(Protocol.BootAnswer? Value);
}
