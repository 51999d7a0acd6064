using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 20: the Central System soft resets while charging: the transaction stops with reason SoftReset.</summary>
public sealed class TC_016_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_016_CS", "Soft Reset With Transaction", "Core", "OCTT 1.6 §2.6.4")
    {
        Requirements = ["OCPP 1.6 §5.14 Reset", "OCPP 1.6 §4.10 StopTransaction", "OCPP 1.6 §4.2 BootNotification", "OCPP 1.6 §4.9 StatusNotification"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        await Resetting.WithTransactionAsync(t, ResetType.Soft).ConfigureAwait(false);
    }
}
