using System.Text.Json;
using Iskra.Csms.SmartCharging;

namespace Iskra.Server.Api;

/// <summary>
/// A charging profile the station accepted: its id, where it applies (<c>connectorId</c>: 1.6 connector,
/// 2.0.1 EVSE, 0 the whole station), purpose and stack level in the station's spelling, the OCPP
/// <c>transactionId</c> it is for (a TxProfile's: the 1.6 integer or the 2.0.1 string, as in the profile), and the profile as sent.
/// </summary>
public sealed record ChargingProfileView(
    int ChargingProfileId, int ConnectorId, string ChargingProfilePurpose, int StackLevel, JsonElement? TransactionId, DateTimeOffset SetAt, JsonElement Profile)
{
    public static ChargingProfileView From(ChargingProfileRecord p)
    {
        ArgumentNullException.ThrowIfNull(p);
        using var profile = JsonDocument.Parse(p.Profile);
        JsonElement? transaction = profile.RootElement.TryGetProperty("transactionId", out var id) ? id.Clone() : null;
        return new(p.ChargingProfileId, p.EvseId, p.Purpose, p.StackLevel, transaction, p.SetAt, profile.RootElement.Clone());
    }
}
