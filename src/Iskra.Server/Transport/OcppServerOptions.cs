using Iskra.Ocpp.Rpc;

namespace Iskra.Server.Transport;

/// <summary>The OCPP endpoint's settings (configuration section "Ocpp").</summary>
public sealed class OcppServerOptions
{
    public const string Section = "Ocpp";

    /// <summary>
    /// After this much silence the server pings a station; one that does not pong within half of it
    /// is dropped, so a half-open connection is gone within two intervals (SPEC §2.1).
    /// </summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A bigger message closes the connection with 1009 (SPEC §2.1: 64 KiB).</summary>
    public int MaxFrameBytes { get; set; } = 64 * 1024;

    /// <summary>The sustained message rate per station; beyond it and its burst the connection closes with 1008.</summary>
    public double MaxMessagesPerSecond { get; set; } = 50;

    public int MessageBurst { get; set; } = 200;

    /// <summary>Handshakes in progress (before the admission decision) allowed per address; more are refused with 429 before any work.</summary>
    public int MaxHandshakesPerAddress { get; set; } = 32;

    /// <summary>How many times a station's live connection may be replaced within <see cref="ReplacementWindow"/>; more are refused with 429 and raise an alarm.</summary>
    public int MaxReplacementsPerWindow { get; set; } = 3;

    public TimeSpan ReplacementWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a CSMS call waits for the station's answer.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A PEM file with the CA certificate(s) that issue station certificates (security profile 3,
    /// A00.FR.403): self-signed ones are the trust anchors, the others intermediates. Unset, no
    /// client certificate is trusted and every profile 3 station is refused.
    /// </summary>
    public string? StationCaFile { get; set; }

    public RpcChannelOptions ToChannelOptions() => new()
    {
        MaxFrameBytes = MaxFrameBytes,
        MaxMessagesPerSecond = MaxMessagesPerSecond,
        MessageBurst = MessageBurst,
        CallTimeout = CallTimeout,
    };
}
