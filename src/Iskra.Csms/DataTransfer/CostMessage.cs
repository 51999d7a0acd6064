namespace Iskra.Csms.DataTransfer;

/// <summary>
/// A transaction's cost to show on a station's display: <paramref name="Amount"/> in <paramref name="Currency"/>
/// (ISO 4217) as of <paramref name="Timestamp"/>, the energy it covers when known, and an optional text
/// for the driver.
/// </summary>
public sealed record CostMessage(string TransactionId, decimal Amount, string Currency, decimal? EnergyWh, DateTimeOffset Timestamp, string? Text);
