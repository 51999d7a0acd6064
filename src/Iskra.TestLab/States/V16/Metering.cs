using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>OCTT 1.6 §2.9 (Tables 27, 28): meter values during a transaction at the configured interval, with the configured measurands.</summary>
public static class Metering
{
    /// <summary>
    /// Reusable state GetConfiguration for <paramref name="measurandsKey"/>, then Charging, then three
    /// MeterValues.req of the transaction checked for their spacing (and clock alignment), context and measurands.
    /// </summary>
    public static async Task ThreeIntervalsAsync(CaseContext t, string measurandsKey, ReadingContext context, int interval, bool aligned)
    {
        ArgumentNullException.ThrowIfNull(t);
        var c = t.Connector;
        var configured = await KeySettings.GetAsync(t, measurandsKey, "before").ConfigureAwait(false);
        var measurands = (configured?.Value ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (measurands.Length == 0)
        {
            measurands = ["Energy.Active.Import.Register"]; // the document: an empty list means the default measurand
        }

        var transactionId = await Charging.StartAsync(t, c, t.Model.IdTag).ConfigureAwait(false);
        var since = t.Time.GetUtcNow();
        List<Received<MeterValuesRequest>> received = [];
        for (var i = 0; i < 3; i++)
        {
            received.Add(await t.ExpectAsync(V16Calls.MeterValues, "1",
                m => m.ConnectorId == c && (m.TransactionId == transactionId || (m.TransactionId is null && m.MeterValue.All(v => v.Timestamp >= since))),
                TimeSpan.FromSeconds(interval * 2) + t.Settings.StationTimeout, "OCPP 1.6 §4.7 MeterValues").ConfigureAwait(false));
        }

        var key = aligned ? "ClockAlignedDataInterval" : "MeterValueSampleInterval";
        var requirement = aligned ? "OCPP 1.6 §3.16.2, §9.1.5" : "OCPP 1.6 §3.16.1, §9.1.19";
        var stamps = received.Select(r => r.Request.MeterValue[0].Timestamp).ToList();
        var gaps = stamps.Zip(stamps.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        t.Check(gaps.All(g => Math.Abs(g - interval) <= 1), "3", $"MeterValue.timestamp of consecutive MeterValues.req are {interval} s apart ({key})",
            $"they are {string.Join(", ", gaps.Select(g => $"{g:0.0} s"))} apart", $"Send the meter values every {key} seconds ({interval} s here) and timestamp each with the moment it was taken ({requirement}).",
            received[^1].Call, requirement);
        if (aligned)
        {
            var off = stamps.Where(s => s.ToUnixTimeSeconds() % interval != 0).ToList();
            t.Check(off.Count == 0, "3", $"MeterValue.timestamp is clock-aligned: its seconds are a multiple of {interval} since midnight",
                $"timestamps {string.Join(", ", off.Select(s => s.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)))} are not", $"Take clock-aligned values at whole multiples of ClockAlignedDataInterval since midnight and timestamp them with that moment ({requirement}).",
                received[^1].Call, requirement);
        }

        var values = received.SelectMany(r => r.Request.MeterValue).SelectMany(v => v.SampledValue).ToList();
        var contexts = values.Select(v => v.Context ?? ReadingContext.SamplePeriodic).Distinct().ToList();
        t.Check(contexts.All(x => x == context), "3", $"sampledValue.context is {Wire(context)}", $"contexts are {string.Join(", ", contexts.Select(Wire))}",
            $"Label these meter values with context {Wire(context)} ({requirement}, §7.35 ReadingContext).", received[^1].Call, requirement);
        var reported = values.Select(v => (v.Measurand ?? Measurand.EnergyActiveImportRegister).ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = measurands.Where(m => !reported.Contains(m.Replace(".", string.Empty, StringComparison.Ordinal))).ToList();
        t.Check(missing.Count == 0, "3", $"the sampledValue list has a value for each measurand of {measurandsKey} ({string.Join(",", measurands)})",
            $"missing: {string.Join(", ", missing)}", $"Send a sampledValue for every measurand configured in {measurandsKey} ({requirement}).", received[^1].Call, requirement);
    }

    private static string Wire(ReadingContext context) => context switch
    {
        ReadingContext.SamplePeriodic => "Sample.Periodic",
        ReadingContext.SampleClock => "Sample.Clock",
        _ => context.ToString(),
    };
}
