using Iskra.Ocpp;
using Iskra.Simulator.Faults;

namespace Iskra.Simulator.Cli;

/// <summary>What the command line asked for (see <see cref="CliUsage"/>).</summary>
internal sealed record CliOptions
{
    public Uri? Url { get; init; }

    public string? Id { get; init; }

    public OcppVersion Version { get; init; } = OcppVersion.V16;

    public string? Password { get; init; }

    public int Count { get; init; } = 1;

    public int Connectors { get; init; } = 2;

    public bool Dc { get; init; }

    /// <summary>Seconds between meter values in a transaction (MeterValueSampleInterval); null keeps the station's 60.</summary>
    public int? MeterInterval { get; init; }

    public IReadOnlyList<StationFault> Faults { get; init; } = [];

    public int? ControlPort { get; init; }

    public string ControlBind { get; init; } = "127.0.0.1";

    public bool Sessions { get; init; }

    public IReadOnlyList<string> Cards { get; init; } = [];

    public string? ClientCertificate { get; init; }

    public string? ClientCertificatePassword { get; init; }

    public string? CertificateAuthority { get; init; }

    public bool Quiet { get; init; }

    public bool Help { get; init; }

    /// <summary>
    /// The station ids: <see cref="Id"/> alone, or with <see cref="Count"/> &gt; 1 a numbered run. An id that
    /// ends in a number starts the run there (CP-1 → CP-1..CP-N; CP-7 → CP-7..CP-(6+N); BOX09 → BOX09, BOX10, …); any other id gets
    /// -1..-N appended (CP → CP-1..CP-N).
    /// </summary>
    public IReadOnlyList<string> StationIds()
    {
        var id = Id ?? throw new InvalidOperationException("No --id.");
        if (Count <= 1)
        {
            return [id];
        }

        var digits = id.Length - id.AsSpan().TrimEnd("0123456789").Length;
        if (digits is > 0 and < 9)
        {
            var prefix = id[..^digits];
            var first = int.Parse(id[^digits..], System.Globalization.CultureInfo.InvariantCulture);
            var format = "D" + digits.ToString(System.Globalization.CultureInfo.InvariantCulture); // keeps zero padding: BOX09, BOX10
            return [.. Enumerable.Range(first, Count).Select(n => prefix + n.ToString(format, System.Globalization.CultureInfo.InvariantCulture))];
        }

        return [.. Enumerable.Range(1, Count).Select(n => $"{id}-{n}")];
    }
}
