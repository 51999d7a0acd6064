using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.LocalAuthList;

/// <summary>OCTT 1.6 Table 52: Full v2, Differential v5 are accepted; a Differential v4 is a VersionMismatch and the list stays at 5.</summary>
public sealed class TC_043_2_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_043_2_CS", "Send Local Authorization List - VersionMismatch", "Local Auth List Management", "OCTT 1.6 §2.17.2")
    {
        Requirements = ["OCPP 1.6 §5.15 SendLocalList", "OCPP 1.6 §5.10 GetLocalListVersion", "OCPP 1.6 §3.5.3 Local Authorization List"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "LocalAuthListEnabled", "true", "before").ConfigureAwait(false);
            await LocalList.SendAsync(t, UpdateType.Full, 2, [LocalList.Accepted(t.Model.IdTag)], "1", "2").ConfigureAwait(false);
            await LocalList.VersionAsync(t, 2, "3", "4", "the Full update of step 1 had listVersion 2").ConfigureAwait(false);
            await LocalList.SendAsync(t, UpdateType.Differential, 5, [LocalList.Accepted(t.Model.OtherIdTag)], "5", "6").ConfigureAwait(false);
            await LocalList.VersionAsync(t, 5, "7", "8", "the Differential update of step 5 had listVersion 5").ConfigureAwait(false);
            await LocalList.SendAsync(t, UpdateType.Differential, 4, [LocalList.Accepted(t.Model.OtherIdTag)], "9", "10", UpdateStatus.VersionMismatch).ConfigureAwait(false);
            await LocalList.VersionAsync(t, 5, "11", "12", "the refused update of step 9 must not change the list, which stays at version 5").ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
