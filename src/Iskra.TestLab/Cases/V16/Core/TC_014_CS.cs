using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 18: the Central System soft resets without a transaction: the connector made Inoperative stays Unavailable across the reboot.</summary>
public sealed class TC_014_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_014_CS", "Soft Reset Without Transaction", "Core", "OCTT 1.6 §2.6.2")
    {
        Requirements = ["OCPP 1.6 §5.14 Reset", "OCPP 1.6 §5.2 ChangeAvailability", "OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Resetting.WithoutTransactionAsync(t, ResetType.Soft).ConfigureAwait(false);
    }
}
