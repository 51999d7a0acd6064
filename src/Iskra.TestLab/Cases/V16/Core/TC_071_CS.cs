using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 28: while charging, clock-aligned meter values every ClockAlignedDataInterval with the measurands of MeterValuesAlignedData.</summary>
public sealed class TC_071_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_071_CS", "Clock-aligned Meter Values", "Core", "OCTT 1.6 §2.9.2")
    {
        Requirements = ["OCPP 1.6 §4.7 MeterValues", "OCPP 1.6 §3.16.2 Clock-Aligned Meter Values", "OCPP 1.6 §9.1.5 ClockAlignedDataInterval"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);

        // The lab's short meter value interval serves as the configured clock-aligned interval too.
        var interval = t.Settings.MeterValueSampleInterval;
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "MeterValueSampleInterval", "0", "before").ConfigureAwait(false);
            await keys.SetAsync(t, "ClockAlignedDataInterval", KeySettings.Value(interval), "before").ConfigureAwait(false);
            await Metering.ThreeIntervalsAsync(t, "MeterValuesAlignedData", ReadingContext.SampleClock, interval, aligned: true).ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
