using System.Text.Json;
using Iskra.Ocpp;
using Iskra.Server.Tests.Infrastructure;
using Iskra.Simulator.Faults;
using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>Stations with faults switched on before they power up, and readers of what they sent and got.</summary>
public static class FaultyStations
{
    /// <summary>Registers and starts a fast station with <paramref name="faults"/> on from the start; waits until it is online unless told not to.</summary>
    public static async Task<SimStation> StartAsync(IskraServer server, string id, OcppVersion version, StationFault[] faults, Func<StationOptions, StationOptions>? adjust = null, bool waitOnline = true)
    {
        await server.StationAsync(id);
        var options = SimulatedStations.Options(server, id, version);
        var station = new SimStation(adjust is null ? options : adjust(options));
        foreach (var fault in faults)
        {
            station.Faults.Set(fault, true);
        }

        station.Start();
        if (waitOnline)
        {
            await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        }

        return station;
    }

    /// <summary>Every CALL frame the station sent, whole: [2, id, action, payload].</summary>
    public static IReadOnlyList<JsonElement> SentCalls(this SimStation station) =>
        [.. station.Log.Entries.Where(e => e.Kind == "sent").Select(e => JsonDocument.Parse(e.Text).RootElement.Clone()).Where(f => f[0].GetInt32() == 2)];

    /// <summary>Every frame the station received, whole.</summary>
    public static IReadOnlyList<JsonElement> ReceivedFrames(this SimStation station) =>
        [.. station.Log.Entries.Where(e => e.Kind == "received").Select(e => JsonDocument.Parse(e.Text).RootElement.Clone())];

    /// <summary>The CALLERRORs the station received for its CALLs of <paramref name="action"/>: [4, id, code, description, details].</summary>
    public static IReadOnlyList<JsonElement> ErrorsFor(this SimStation station, string action)
    {
        var ids = station.SentCalls().Where(f => f[2].GetString() == action).Select(f => f[1].GetString()).ToHashSet();
        return [.. station.ReceivedFrames().Where(f => f[0].GetInt32() == 4 && ids.Contains(f[1].GetString()))];
    }

    /// <summary>The Energy.Active.Import.Register sampled values in what the station sent, in order: (value, unit or null).</summary>
    public static IReadOnlyList<(double Value, string? Unit)> SentEnergy(this SimStation station) => station.SentValues("Energy.Active.Import.Register");

    /// <summary>The sampled values of <paramref name="measurand"/> in what the station sent, in order: (value, unit or null).</summary>
    public static IReadOnlyList<(double Value, string? Unit)> SentValues(this SimStation station, string measurand)
    {
        List<(double, string?)> values = [];
        foreach (var call in station.SentCalls())
        {
            Collect(call[3], measurand, values, station.Version);
        }

        return values;
    }

    private static void Collect(JsonElement element, string wanted, List<(double, string?)> values, OcppVersion version)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, wanted, values, version);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (element.TryGetProperty("measurand", out var measurand) && measurand.GetString() == wanted)
        {
            var value = element.GetProperty("value");
            var number = value.ValueKind == JsonValueKind.String ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : value.GetDouble();
            string? unit = version == OcppVersion.V16
                ? (element.TryGetProperty("unit", out var u) ? u.GetString() : null)
                : (element.TryGetProperty("unitOfMeasure", out var m) && m.TryGetProperty("unit", out var mu) ? mu.GetString() : null);
            values.Add((number, unit));
            return;
        }

        foreach (var property in element.EnumerateObject())
        {
            Collect(property.Value, wanted, values, version);
        }
    }
}
