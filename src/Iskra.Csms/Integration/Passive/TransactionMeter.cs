namespace Iskra.Csms.Integration.Passive;

/// <summary>What the passive checks keep of one open transaction of a connection: its registers and power.</summary>
internal sealed class TransactionMeter
{
    /// <summary>1.6: the integer id.</summary>
    public int? Number { get; init; }

    /// <summary>2.0.1: the station's id.</summary>
    public string? Text { get; init; }

    public string Name => Text ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";

    /// <summary>1.6 meterStart, or the transaction's first register (2.0.1).</summary>
    public double? StartWh { get; set; }

    public double? LastWh { get; set; }

    public double? FirstWh { get; set; }

    public double MaxWh { get; set; } = double.MinValue;

    public DateTimeOffset FirstAt { get; set; }

    public double? PowerW { get; set; }

    public DateTimeOffset PowerAt { get; set; }

    public double ExpectedWh { get; set; }

    public bool EnergyJudged { get; set; }

    public DateTimeOffset Touched { get; set; }
}
