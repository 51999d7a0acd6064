using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 17: the Central System hard resets without a transaction: the connector made Inoperative stays Unavailable across the reboot.</summary>
public sealed class TC_013_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_013_CS", "Hard Reset Without transaction", "Core", "OCTT 1.6 §2.6.1")
    {
        Requirements = ["OCPP 1.6 §5.14 Reset", "OCPP 1.6 §5.2 ChangeAvailability", "OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Resetting.WithoutTransactionAsync(t, ResetType.Hard).ConfigureAwait(false);
    }
}
