using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 19: the Central System hard resets while charging: the transaction stops with reason HardReset.</summary>
public sealed class TC_015_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_015_CS", "Hard Reset With Transaction", "Core", "OCTT 1.6 §2.6.3")
    {
        Requirements = ["OCPP 1.6 §5.14 Reset", "OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Resetting.WithTransactionAsync(t, ResetType.Hard).ConfigureAwait(false);
    }
}
