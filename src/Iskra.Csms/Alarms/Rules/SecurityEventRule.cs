using Iskra.Csms.Storage;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.SecurityEvent"/>: a security event that needs an operator (tampering, a failed security check;
/// the events the 2.0.1 security event list marks critical) opens the station's alarm; repeats count on it. An event is
/// not a state, so the alarm clears after <c>Alarms:SecurityEvent:ClearAfter</c> without a repeat (<see cref="QuietAlarms"/>).
/// </summary>
public static class SecurityEventRule
{
    /// <summary>The security events that need an operator.</summary>
    public static readonly HashSet<string> Alarming = new(StringComparer.Ordinal)
    {
        "TamperDetectionActivated", "InvalidFirmwareSignature", "InvalidFirmwareSigningCertificate",
        "InvalidCsmsCertificate", "InvalidCentralSystemCertificate", "InvalidChargingStationCertificate", "InvalidChargePointCertificate",
        "InvalidTLSVersion", "InvalidTLSCipherSuite", "AttemptedReplayAttacks", "MemoryExhaustion",
    };

    /// <summary>Opens or repeats the station's alarm when <paramref name="type"/> is alarming; null otherwise.</summary>
    public static async ValueTask<AlarmChange?> ApplyAsync(
        AlarmBook book, IskraDbContext db, string stationId, string type, string? techInfo, DateTimeOffset? timestamp, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = book.Options.SecurityEvent;
        if (!options.Enabled || !Alarming.Contains(type))
        {
            return null;
        }

        var key = AlarmKey.Station(stationId, AlarmKinds.SecurityEvent);
        var message = $"{stationId} reported the security event {type} at {AlarmText.Time(timestamp ?? now)}" + (string.IsNullOrEmpty(techInfo) ? "" : $" ({techInfo})");
        return await book.RaiseAsync(db, new AlarmSignal(key, options.Severity, "SecurityEventNotification", type, message), now, ct).ConfigureAwait(false);
    }
}
