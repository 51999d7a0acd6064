namespace Iskra.Simulator.Firmware;

/// <summary>
/// One firmware update as the CSMS asked for it, whichever message carried it: 1.6 UpdateFirmware
/// (no <see cref="RequestId"/>), 1.6 security SignedUpdateFirmware or 2.0.1 UpdateFirmware.
/// </summary>
internal sealed record FirmwareJob(
    string Location,
    DateTimeOffset RetrieveAt,
    int? Retries,
    int? RetryIntervalSeconds,
    int? RequestId = null,
    string? SigningCertificate = null,
    string? Signature = null,
    DateTimeOffset? InstallAt = null)
{
    /// <summary>The security extension / 2.0.1 flow (L01): statuses carry the requestId, SignatureVerified and InstallRebooting exist.</summary>
    public bool Secure => RequestId is not null;

    /// <summary>Download attempts: retries is "how many times to try" (1.6 §6.51, 2.0.1 L01); one when absent.</summary>
    public int Attempts => Math.Max(1, Retries ?? 1);

    /// <summary>Seconds between attempts; the simulator waits one second when none is given.</summary>
    public TimeSpan RetryInterval => TimeSpan.FromSeconds(Math.Max(0, RetryIntervalSeconds ?? 1));
}
