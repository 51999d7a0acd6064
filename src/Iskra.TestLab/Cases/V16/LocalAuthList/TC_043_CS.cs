using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.LocalAuthList;

/// <summary>OCTT 1.6 Table 50: a Full, then a Differential update of the local list are accepted.</summary>
public sealed class TC_043_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_043_CS", "Send Local Authorization List", "Local Auth List Management", "OCTT 1.6 §2.17.2")
    {
        Requirements = ["OCPP 1.6 §5.15 SendLocalList", "OCPP 1.6 §3.5.3 Local Authorization List"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "LocalAuthListEnabled", "true", "before").ConfigureAwait(false);
            await LocalList.SendAsync(t, UpdateType.Full, 1, [LocalList.Accepted(t.Model.IdTag)], "1", "2").ConfigureAwait(false);
            await LocalList.SendAsync(t, UpdateType.Differential, 2, [LocalList.Accepted(t.Model.OtherIdTag)], "3", "4").ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
