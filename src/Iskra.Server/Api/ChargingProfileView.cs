using System.Text.Json;
using Iskra.Csms.SmartCharging;

namespace Iskra.Server.Api;

/// <summary>
/// A charging profile the station accepted: its id, where it applies (<c>connectorId</c>: 1.6 connector,
/// 2.0.1 EVSE, 0 the whole station), purpose and stack level in the station's spelling, and the profile as sent.
/// </summary>
public sealed record ChargingProfileView(
    int ChargingProfileId, int ConnectorId, string ChargingProfilePurpose, int StackLevel, string? TransactionId, DateTimeOffset SetAt, JsonElement Profile)
{
    public static ChargingProfileView From(ChargingProfileRecord p)
    {
        ArgumentNullException.ThrowIfNull(p);
        using var profile = JsonDocument.Parse(p.Profile);
        return new(p.ChargingProfileId, p.EvseId, p.Purpose, p.StackLevel, p.TransactionId, p.SetAt, profile.RootElement.Clone());
    }
}
