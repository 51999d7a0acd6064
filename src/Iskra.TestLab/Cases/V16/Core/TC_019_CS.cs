using System.Globalization;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 25: one key, all keys (the required ones with their accessibility), GetConfigurationMaxKeys, then as many keys as allowed at once.</summary>
public sealed class TC_019_CS : LabCase
{
    /// <summary>The required keys per profile and whether each must be read-only (true), read-write (false) or either (null), as Table 25 lists them.</summary>
    private static readonly Dictionary<string, (string Key, bool? ReadOnly)[]> Required = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Core"] =
        [
            ("AuthorizeRemoteTxRequests", null), ("ClockAlignedDataInterval", false), ("ConnectionTimeOut", false), ("ConnectorPhaseRotation", false),
            ("GetConfigurationMaxKeys", true), ("HeartbeatInterval", false), ("LocalAuthorizeOffline", false), ("LocalPreAuthorize", false),
            ("MeterValuesAlignedData", false), ("MeterValuesSampledData", false), ("MeterValueSampleInterval", false), ("NumberOfConnectors", true),
            ("ResetRetries", false), ("StopTransactionOnInvalidId", false), ("StopTxnAlignedData", false), ("StopTxnSampledData", false),
            ("SupportedFeatureProfiles", true), ("TransactionMessageAttempts", false), ("TransactionMessageRetryInterval", false), ("UnlockConnectorOnEVSideDisconnect", null),
        ],
        ["LocalAuthListManagement"] = [("LocalAuthListEnabled", false), ("LocalAuthListMaxLength", true), ("SendLocalListMaxLength", true)],
        ["SmartCharging"] = [("ChargeProfileMaxStackLevel", true), ("ChargingScheduleAllowedChargingRateUnit", true), ("ChargingScheduleMaxPeriods", true), ("MaxChargingProfilesInstalled", true)],
    };

    public override CaseInfo Info { get; } = new("TC_019_CS", "Retrieve configuration", "Core", "OCTT 1.6 §2.8.1")
    {
        Requirements = ["OCPP 1.6 §5.8 GetConfiguration", "OCPP 1.6 §9.1 Core configuration keys", "OCPP 1.6 §9.1.9 GetConfigurationMaxKeys"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var one = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = ["SupportedFeatureProfiles"] }, "1").ConfigureAwait(false);
        var profiles = one.ConfigurationKey?.FirstOrDefault(k => k.Key == "SupportedFeatureProfiles");
        t.Check((one.UnknownKey ?? []).Count == 0 && profiles is not null, "2", "GetConfiguration.conf has no unknownKey and its configurationKey.key is SupportedFeatureProfiles",
            $"configurationKey: [{Keys(one.ConfigurationKey)}], unknownKey: [{string.Join(",", one.UnknownKey ?? [])}]",
            "Report the required key SupportedFeatureProfiles, under exactly that name, when it is asked for (OCPP 1.6 §5.8, §9.1.29).", requirement: "OCPP 1.6 §5.8, §9.1.29");

        var all = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest(), "3").ConfigureAwait(false);
        var keys = (all.ConfigurationKey ?? []).GroupBy(k => k.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var supported = (profiles?.Value ?? "Core").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Append("Core");
        foreach (var (profile, required) in Required.Where(p => supported.Contains(p.Key, StringComparer.OrdinalIgnoreCase)))
        {
            var missing = required.Where(r => !keys.ContainsKey(r.Key)).Select(r => r.Key).ToList();
            t.Check(missing.Count == 0, "4", $"GetConfiguration.conf contains every required key of the {profile} profile",
                $"missing: {string.Join(", ", missing)}", $"Implement and report the required {profile} keys {string.Join(", ", missing)} (OCPP 1.6 §9), spelled exactly as the specification spells them.", requirement: $"OCPP 1.6 §9 ({profile} keys)");
            var wrong = required.Where(r => r.ReadOnly is { } ro && keys.TryGetValue(r.Key, out var k) && k.Readonly != ro)
                .Select(r => $"{r.Key} is {(keys[r.Key].Readonly ? "R" : "RW")}, must be {(r.ReadOnly == true ? "R" : "RW")}").ToList();
            t.Check(wrong.Count == 0, "4", $"The required keys of the {profile} profile have the accessibility the specification gives them",
                string.Join("; ", wrong), "Give each key the accessibility of OCPP 1.6 §9 (readonly true for R, false for RW).", requirement: $"OCPP 1.6 §9 ({profile} keys)");
        }

        var maxAnswer = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = ["GetConfigurationMaxKeys"] }, "5").ConfigureAwait(false);
        var maxValue = maxAnswer.ConfigurationKey?.FirstOrDefault(k => k.Key == "GetConfigurationMaxKeys")?.Value;
        t.Require(int.TryParse(maxValue, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > 0, "6", "GetConfiguration.conf reports GetConfigurationMaxKeys as a positive integer",
            maxValue is null ? "the key is not reported" : $"the value is '{maxValue}'", "Report the required key GetConfigurationMaxKeys (OCPP 1.6 §9.1.9) as an integer.", requirement: "OCPP 1.6 §9.1.9");

        var picked = keys.Keys.Take(Math.Min(max, keys.Count)).ToList();
        var some = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = picked }, "7").ConfigureAwait(false);
        var returned = (some.ConfigurationKey ?? []).Select(k => k.Key).ToHashSet(StringComparer.Ordinal);
        var absent = picked.Where(k => !returned.Contains(k)).ToList();
        t.Check((some.UnknownKey ?? []).Count == 0 && absent.Count == 0, "8", $"GetConfiguration.conf for {picked.Count} keys (GetConfigurationMaxKeys or all) has no unknownKey and contains every key asked",
            $"missing: [{string.Join(",", absent)}], unknownKey: [{string.Join(",", some.UnknownKey ?? [])}]",
            "Answer a GetConfiguration.req of up to GetConfigurationMaxKeys keys with every key asked that the station reports when asked for all (OCPP 1.6 §5.8).", requirement: "OCPP 1.6 §5.8");
    }

    private static string Keys(IReadOnlyList<KeyValue>? keys) => string.Join(",", (keys ?? []).Select(k => k.Key));
}
