using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;
using Iskra.TestLab.States.V16;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 39: the connection is lost during a transaction; the meter values sampled meanwhile are sent afterwards, in order.</summary>
public sealed class TC_036_CS : LabCase
{
    public override CaseInfo Info { get; } = new("TC_036_CS", "Connection Loss During Transaction", "Core", "OCTT 1.6 §2.14.1")
    {
        Requirements = ["OCPP 1.6 §4.7 MeterValues", "OCPP 1.6 §4.10 transaction-related messages", "OCPP 1.6 §9.1.19 MeterValueSampleInterval"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var interval = t.Settings.MeterValueSampleInterval;
        var before = new KeySettings();
        await before.SetIfImplementedAsync(t, "before", ("MeterValueSampleInterval", KeySettings.Value(interval))).ConfigureAwait(false);
        try
        {
            await Charging.StartAsync(t, t.Connector, t.Model.IdTag).ConfigureAwait(false);
            var downAt = t.Time.GetUtcNow();
            await Offline.WhileOfflineAsync(t, () => t.DelayAsync(TimeSpan.FromSeconds((interval * 3) + 2))).ConfigureAwait(false); // at least 3 samples
            var upAt = t.Time.GetUtcNow();

            // Step 1: the queued MeterValues.req, then the first new one (or none within an interval).
            Func<MeterValuesRequest, bool> sampled = m => m.ConnectorId == t.Connector && m.MeterValue.Any(v => v.Timestamp > downAt);
            var received = new List<Received<MeterValuesRequest>>
            {
                await t.ExpectAsync(V16Calls.MeterValues, "1", sampled, t.Settings.StationTimeout * 2, "OCPP 1.6 §4.7, §4.10: meter values of a transaction are queued while offline").ConfigureAwait(false),
            };
            while (received[^1].Request.MeterValue.Max(v => v.Timestamp) < upAt
                && await t.MaybeAsync(V16Calls.MeterValues, sampled, TimeSpan.FromSeconds(interval + 2)).ConfigureAwait(false) is { } next)
            {
                received.Add(next);
            }

            var stamps = received.SelectMany(r => r.Request.MeterValue.Select(v => (v.Timestamp, r.Call))).ToList();
            var queued = stamps.Where(s => s.Timestamp > downAt && s.Timestamp < upAt).ToList();
            var lost = !t.Check(queued.Count >= 3, "1", $"The meter values sampled during the {(upAt - downAt).TotalSeconds:0} s offline (every {interval} s: at least 3) are sent after the connection returns",
                $"{queued.Count} meter value(s) from the offline period arrived; the first after reconnecting is from {stamps[0].Timestamp:O}",
                "Queue the MeterValues.req of a running transaction while the connection is lost and deliver all of them once it returns (OCPP 1.6 §4.10: transaction-related messages must not be lost).",
                received[0].Call, "OCPP 1.6 §4.10");

            var disorder = stamps.Zip(stamps.Skip(1)).FirstOrDefault(p => p.Second.Timestamp < p.First.Timestamp);
            t.Check(disorder == default, "1", "Queued meter values are sent in chronological order, before any new meter value",
                disorder == default ? "in order" : $"{disorder.Second.Timestamp:O} was sent after {disorder.First.Timestamp:O}",
                "Send the queued MeterValues.req oldest first and before new ones (OCPP 1.6 §4.10: transaction-related messages are delivered in the order they were created).",
                disorder == default ? null : disorder.Second.Call, "OCPP 1.6 §4.10");

            var tolerance = Math.Max(1.0, interval * 0.2);
            var gap = queued.Zip(queued.Skip(1)).Select(p => (Seconds: (p.Second.Timestamp - p.First.Timestamp).TotalSeconds, p.Second.Call)).FirstOrDefault(g => Math.Abs(g.Seconds - interval) > tolerance);
            t.Check(lost || gap == default, "1", $"The queued meter values are {interval} s apart (MeterValueSampleInterval)",
                gap == default ? "as configured" : $"two queued meter values are {gap.Seconds:0.0} s apart",
                "Sample every MeterValueSampleInterval seconds also while offline, and keep each sample's own timestamp when it is sent later (OCPP 1.6 §9.1.19, §4.7).",
                gap == default ? null : gap.Call, "OCPP 1.6 §9.1.19");
        }
        finally
        {
            await before.RestoreAsync(t).ConfigureAwait(false);
        }
    }
}
