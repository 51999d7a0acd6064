using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.LocalAuthList;

/// <summary>OCTT 1.6 Table 49: after an empty Full update the station reports list version 0.</summary>
public sealed class TC_042_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_042_2_CS", "Get Local List Version (empty)", "Local Auth List Management", "OCTT 1.6 §2.17.1")
    {
        Requirements = ["OCPP 1.6 §5.10 GetLocalListVersion", "OCPP 1.6 §5.15 SendLocalList"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "LocalAuthListEnabled", "true", "before").ConfigureAwait(false);
            await LocalList.SendAsync(t, UpdateType.Full, 1, null, "1", "2").ConfigureAwait(false);
            await LocalList.VersionAsync(t, 0, "3", "4", "a Full update without entries leaves an empty list, whose version is 0").ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
