using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Control;

/// <summary>One control API request: its route values, query and JSON body, and the station it names.</summary>
internal sealed class ControlRequest(HttpListenerRequest request, IReadOnlyDictionary<string, string> values, SimulatorHost host)
{
    private const int MaxBodyBytes = 64 * 1024;

    public SimulatorHost Host { get; } = host;

    public string Value(string name) => values[name];

    public string? Query(string name) => request.QueryString[name];

    /// <summary>The station of the route's {id}, or 404.</summary>
    public SimStation Station() =>
        Host.Find(Value("id")) ?? throw ControlProblemException.NotFound($"No station '{Value("id")}'.");

    /// <summary>The route's {n} as a connector of <paramref name="station"/>, or 404.</summary>
    public int ConnectorId(SimStation station)
    {
        var text = Value("n");
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= station.Connectors.Count
            ? n
            : throw ControlProblemException.NotFound($"Station {station.Id} has connectors 1 to {station.Connectors.Count}, not '{text}'.");
    }

    /// <summary>The JSON body; an empty body reads as <paramref name="empty"/>. Malformed JSON or unknown fields are 400.</summary>
    public async Task<T> BodyAsync<T>(JsonTypeInfo<T> typeInfo, T empty, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.InputStream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxBodyBytes)
        {
            throw ControlProblemException.BadRequest($"The body is larger than {MaxBodyBytes} bytes.");
        }

        if (buffer.Length == 0 || buffer.ToArray().All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            return empty;
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.ToArray(), typeInfo) ?? empty;
        }
        catch (JsonException ex)
        {
            throw ControlProblemException.BadRequest($"The body is not the expected JSON object: {ex.Message}");
        }
    }
}
