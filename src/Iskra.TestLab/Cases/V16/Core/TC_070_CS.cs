using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 27: while charging, sampled meter values every MeterValueSampleInterval with the measurands of MeterValuesSampledData.</summary>
public sealed class TC_070_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_070_CS", "Sampled Meter Values", "Core", "OCTT 1.6 §2.9.1")
    {
        Requirements = ["OCPP 1.6 §4.7 MeterValues", "OCPP 1.6 §3.16.1 Charging Session Meter Values", "OCPP 1.6 §9.1.19 MeterValueSampleInterval"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var interval = t.Settings.MeterValueSampleInterval;
        var keys = new KeySettings();
        try
        {
            await keys.SetAsync(t, "MeterValueSampleInterval", KeySettings.Value(interval), "before").ConfigureAwait(false);
            await keys.SetAsync(t, "ClockAlignedDataInterval", "0", "before").ConfigureAwait(false);
            await Metering.ThreeIntervalsAsync(t, "MeterValuesSampledData", ReadingContext.SamplePeriodic, interval, aligned: false).ConfigureAwait(false);
        }
        finally
        {
            await keys.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
