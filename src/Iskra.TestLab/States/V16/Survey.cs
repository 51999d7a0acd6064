using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>Before the cases: the station's own configuration against what was declared (OCPP 1.6 §9.1).</summary>
public static class Survey
{
    private static readonly string[] Profiles16 = ["Core", "FirmwareManagement", "LocalAuthListManagement", "Reservation", "SmartCharging", "RemoteTrigger"];

    public static async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest(), "1", "OCPP 1.6 §5.8 GetConfiguration").ConfigureAwait(false);
        var keys = (answer.ConfigurationKey ?? []).ToDictionary(k => k.Key, k => k.Value, StringComparer.OrdinalIgnoreCase);

        if (t.Check(keys.TryGetValue("SupportedFeatureProfiles", out var supported) && supported is not null, "2",
            "GetConfiguration.conf reports SupportedFeatureProfiles (a required Core key)", "the key is missing",
            "Report the required key SupportedFeatureProfiles (OCPP 1.6 §9.1.29) with the profiles the firmware implements.", requirement: "OCPP 1.6 §9.1.29 SupportedFeatureProfiles"))
        {
            var observed = supported!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var declared = t.Model.FeatureProfiles.Select(Declared.Normalize).Where(p => Profiles16.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
            var missing = declared.Where(p => !observed.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
            var extra = observed.Where(p => Profiles16.Contains(p, StringComparer.OrdinalIgnoreCase) && !declared.Contains(p, StringComparer.OrdinalIgnoreCase)).ToList();
            t.Check(missing.Count == 0 && extra.Count == 0, "2",
                $"SupportedFeatureProfiles lists what was declared: {string.Join(",", declared)}",
                $"the station reports \"{supported}\"" + (missing.Count > 0 ? $"; declared but not reported: {string.Join(",", missing)}" : string.Empty) + (extra.Count > 0 ? $"; reported but not declared: {string.Join(",", extra)}" : string.Empty),
                "Make SupportedFeatureProfiles list exactly the profiles the firmware implements, or correct the model's declaration.", requirement: "OCPP 1.6 §9.1.29 SupportedFeatureProfiles");
        }

        if (keys.TryGetValue("NumberOfConnectors", out var count) && int.TryParse(count, out var connectors))
        {
            t.Check(connectors == t.Model.Connectors, "3", $"NumberOfConnectors is {t.Model.Connectors}, as declared", $"the station reports {connectors}",
                "Report the number of physical connectors in NumberOfConnectors (OCPP 1.6 §9.1.21), or correct the model's declaration.", requirement: "OCPP 1.6 §9.1.21 NumberOfConnectors");
        }
        else
        {
            t.Check(false, "3", "GetConfiguration.conf reports NumberOfConnectors (a required Core key)", count is null ? "the key is missing" : $"the value is \"{count}\"",
                "Report the required key NumberOfConnectors (OCPP 1.6 §9.1.21) as an integer.", requirement: "OCPP 1.6 §9.1.21 NumberOfConnectors");
        }
    }
}
