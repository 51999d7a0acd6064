using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Csms.RemoteControl;
using Iskra.Ocpp;
using Iskra.Ocpp.Rpc;

namespace Iskra.Csms.SmartCharging;

/// <summary>
/// The 1.6 ChargingProfile of a command body, checked against the official 1.6 schema and
/// translated to the 2.0.1 ChargingProfileType (K01): chargingProfileId → id, ChargePointMaxProfile →
/// ChargingStationMaxProfile, transactionId → a string, chargingSchedule → an array of one schedule
/// whose id is the profile's id.
/// </summary>
public static class ChargingProfiles
{
    public const string StationMax16 = "ChargePointMaxProfile";
    public const string StationMax201 = "ChargingStationMaxProfile";

    /// <summary>The purpose as the station's version spells it.</summary>
    public static string Purpose(OcppVersion version, string purpose16) =>
        version == OcppVersion.V201 && purpose16 == StationMax16 ? StationMax201 : purpose16;

    /// <summary>
    /// Checks <c>{connectorId, csChargingProfiles}</c> against the official 1.6 SetChargingProfile
    /// schema, so a bad body is reported at its own field path. A string transactionId (a 2.0.1
    /// transaction) is let through.
    /// </summary>
    public static void Check16(int connectorId, JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var copy = (JsonObject)profile.DeepClone();
        if (copy["transactionId"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
        {
            copy.Remove("transactionId");
        }

        var payload = new JsonObject { ["connectorId"] = connectorId, ["csChargingProfiles"] = copy };
        var element = JsonSerializer.SerializeToElement(payload, CsmsJsonContext.Default.JsonObject);
        var error = OcppCatalogs.Get(OcppVersion.V16, "SetChargingProfile").ValidateRequest(element);
        if (error is not null)
        {
            throw new CommandException(
                CommandFailure.InvalidBody,
                $"The charging profile violates the OCPP 1.6 schema at {error.Path}: {error.Message}",
                [new CommandViolation(error.Path, $"{error.Message} ({error.Code.ToWire(OcppVersion.V16)})")]);
        }
    }

    /// <summary>The 2.0.1 ChargingProfileType for a 1.6 ChargingProfile that passed <see cref="Check16"/>.</summary>
    public static JsonObject ToV201(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var id = profile["chargingProfileId"]!.GetValue<int>();
        var result = new JsonObject
        {
            ["id"] = id,
            ["stackLevel"] = profile["stackLevel"]!.DeepClone(),
            ["chargingProfilePurpose"] = Purpose(OcppVersion.V201, profile["chargingProfilePurpose"]!.GetValue<string>()),
            ["chargingProfileKind"] = profile["chargingProfileKind"]!.DeepClone(),
        };
        CopyIf(profile, result, "recurrencyKind");
        CopyIf(profile, result, "validFrom");
        CopyIf(profile, result, "validTo");
        if (TransactionIdOf(profile) is { } transaction)
        {
            result["transactionId"] = transaction;
        }

        var schedule16 = profile["chargingSchedule"]!.AsObject();
        var schedule = new JsonObject { ["id"] = id };
        CopyIf(schedule16, schedule, "startSchedule");
        CopyIf(schedule16, schedule, "duration");
        schedule["chargingRateUnit"] = schedule16["chargingRateUnit"]!.DeepClone();
        schedule["chargingSchedulePeriod"] = schedule16["chargingSchedulePeriod"]!.DeepClone();
        CopyIf(schedule16, schedule, "minChargingRate");
        result["chargingSchedule"] = new JsonArray(schedule);
        return result;
    }

    /// <summary>A profile's transactionId as text: the 1.6 integer or the 2.0.1 string; null when absent.</summary>
    public static string? TransactionIdOf(JsonObject profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return profile["transactionId"] is JsonValue t
            ? t.GetValueKind() == JsonValueKind.Number ? t.GetValue<long>().ToString(CultureInfo.InvariantCulture) : t.GetValue<string>()
            : null;
    }

    private static void CopyIf(JsonObject from, JsonObject to, string name)
    {
        if (from[name] is { } value)
        {
            to[name] = value.DeepClone();
        }
    }
}
