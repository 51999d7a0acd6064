using System.Globalization;
using System.Text.Json.Nodes;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>
/// Sends a report in parts (B07/B08 NotifyReport, N02 NotifyMonitoringReport): at most
/// DeviceDataCtrlr.ItemsPerMessage[GetReport] items each, seqNo from 0, tbc on all but the last,
/// one generatedAt, queued shortly after the answer so the answer goes first.
/// </summary>
internal static class ReportMessages
{
    public static void Send<T>(SimStation station, string action, IReadOnlyList<T> items, Func<T[], int, bool, DateTimeOffset, JsonObject> build)
    {
        var parts = items.Chunk(ItemsPerMessage(station)).ToList();
        var generatedAt = station.Now;
        station.Later(station.Options.ActionDelay, () =>
        {
            for (var seqNo = 0; seqNo < parts.Count; seqNo++)
            {
                var part = parts[seqNo];
                var tbc = seqNo < parts.Count - 1;
                var number = seqNo;
                station.Outbox.Enqueue(new OutboundMessage(action, () => build(part, number, tbc, generatedAt), transactional: false));
            }

            return Task.CompletedTask;
        });
    }

    private static int ItemsPerMessage(SimStation station)
    {
        var variable = station.DeviceModel.Variables.First(v => v is { Component: "DeviceDataCtrlr", Variable: "ItemsPerMessage", VariableInstance: "GetReport" });
        return int.TryParse(station.DeviceModel.Read(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var items) && items > 0 ? items : 20;
    }
}
