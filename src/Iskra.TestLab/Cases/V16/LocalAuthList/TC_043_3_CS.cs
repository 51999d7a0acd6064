using System.Globalization;
using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.LocalAuthList;

/// <summary>
/// OCTT 1.6 Table 53: a Full list (listVersion 2) the station cannot store is answered Failed. The document's
/// prerequisite, a station "in a state in which it will fail to set a Local List", is brought about by a list one
/// entry longer than the station says it can take (LocalAuthListMaxLength, SendLocalListMaxLength; OCPP 1.6 §9.2.2,
/// §9.2.3): the station cannot store it, and Failed is the answer for a list it failed to update (OCPP 1.6 §7.44).
/// </summary>
public sealed class TC_043_3_CS : LabCase
{
    /// <summary>The longest list the lab sends in one SendLocalList.req (about 62 bytes an entry).</summary>
    public const int MaxEntries = 5000;

    public override CaseInfo Info { get; } = new("TC_043_3_CS", "Send Local Authorization List - Failed", "Local Auth List Management", "OCTT 1.6 §2.17.2")
    {
        Requirements = ["OCPP 1.6 §5.15 SendLocalList", "OCPP 1.6 §7.44 UpdateStatus", "OCPP 1.6 §9.2.2 LocalAuthListMaxLength", "OCPP 1.6 §9.2.3 SendLocalListMaxLength"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "LocalAuthListEnabled", "true", "before").ConfigureAwait(false);
            var stored = await LimitAsync(t, "LocalAuthListMaxLength").ConfigureAwait(false);
            var perMessage = await LimitAsync(t, "SendLocalListMaxLength").ConfigureAwait(false);
            if (stored is null && perMessage is null)
            {
                throw new CaseStoppedException("the station reports neither LocalAuthListMaxLength nor SendLocalListMaxLength: the lab cannot bring it into a state in which it fails to set a list", skipped: true);
            }

            var limit = Math.Min(stored ?? int.MaxValue, perMessage ?? int.MaxValue);
            if (limit >= MaxEntries)
            {
                throw new CaseStoppedException($"a list the station cannot take needs {limit + 1} entries (its limit is {limit}), more than the lab sends in one message ({MaxEntries})", skipped: true);
            }

            var entries = Enumerable.Range(1, limit + 1).Select(i => LocalList.Accepted("LAB-OVER-" + i.ToString("D5", CultureInfo.InvariantCulture))).ToList();
            await LocalList.SendAsync(t, UpdateType.Full, 2, entries, "1", "2", UpdateStatus.Failed).ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }

    /// <summary>The number a read-only limit key reports, or null when the station does not report it.</summary>
    private static async Task<int?> LimitAsync(CaseContext t, string key)
    {
        var reported = await KeySettings.GetAsync(t, key, "before").ConfigureAwait(false);
        return int.TryParse(reported?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;
    }
}
