using System.Globalization;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.SmartCharging;

/// <summary>A prerequisite of a case that only the station's configuration tells (e.g. "MaxChargingProfilesInstalled is &gt;= 3").</summary>
internal static class Prerequisites
{
    /// <summary>Stops the case as skipped, with the reason, when the key is below <paramref name="minimum"/>.</summary>
    public static async Task AtLeastAsync(CaseContext t, string key, int minimum)
    {
        var value = await ChargingProfiles.KeyAsync(t, key).ConfigureAwait(false);
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < minimum)
        {
            throw new CaseStoppedException($"prerequisite not met: {key} is {value ?? "not reported"}, the case needs at least {minimum}", skipped: true);
        }
    }
}
