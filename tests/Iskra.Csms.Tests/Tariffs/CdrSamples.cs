using System.Text.Json;
using Iskra.Csms.Tariffs;

namespace Iskra.Csms.Tests.Tariffs;

/// <summary>
/// A priced session to export, with hand-computed figures: tariff "standard" v3 (EUR, 21 % VAT; a weekend-night
/// energy element that does not apply, then 1.00 flat, 0.30/kWh, 1.20/h charging, 2.00/h parking), a session
/// of 2 h on 2026-12-07 from 10:00 UTC: 7.5 kWh in 1 h, then 4.845 kWh in 0.5 h and 0.5 h parked. Lines:
/// flat 1.00 + energy 12.345 × 0.30 = 3.7035 + time 1.5 × 1.20 = 1.80 + parking 0.5 × 2.00 = 1.00 = 7.5035
/// excluding VAT, 9.08 to pay (7.5035 × 1.21 = 9.079235).
/// </summary>
internal static class CdrSamples
{
    public static readonly DateTimeOffset Start = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

    public static TariffDefinition Tariff() => new(
        "EUR",
        21m,
        [
            new([new(TariffDimension.Energy, 0.25m)], new TariffRestrictions(
                StartTime: new TimeOnly(22, 0),
                EndTime: new TimeOnly(7, 0),
                StartDate: new DateOnly(2026, 1, 1),
                EndDate: new DateOnly(2027, 1, 1),
                MinKwh: 0m,
                MaxKwh: 50.5m,
                MinPowerKw: 3.7m,
                MaxPowerKw: 22m,
                MinDurationSeconds: 60,
                MaxDurationSeconds: 36000,
                DaysOfWeek: [DayOfWeek.Saturday, DayOfWeek.Sunday])),
            new([
                new(TariffDimension.Flat, 1.00m),
                new(TariffDimension.Energy, 0.30m),
                new(TariffDimension.Time, 1.20m, 60),
                new(TariffDimension.ParkingTime, 2.00m, 900),
            ]),
        ],
        MinPrice: 2.00m,
        MaxPrice: 50.00m,
        TimeZone: "Europe/Amsterdam");

    public static SessionCost Cost() => new(
        Amount: 9.08m,
        AmountExclVat: 7.5035m,
        Vat: 1.5765m,
        Currency: "EUR",
        BilledEnergyWh: 12345m,
        ChargingHours: 1.5m,
        ParkingHours: 0.5m,
        Breakdown:
        [
            new("FLAT", 1, 1m, "session", 1.00m, 1.00m),
            new("ENERGY", 1, 12.345m, "kWh", 0.30m, 3.7035m),
            new("TIME", 1, 1.5m, "h", 1.20m, 1.80m),
            new("PARKING_TIME", 1, 0.5m, "h", 2.00m, 1.00m),
        ],
        Periods:
        [
            new(Start, 7.5m, 1m, 0m, 1, 1, -1),
            new(Start.AddHours(1), 4.845m, 0.5m, 0.5m, 1, 1, 1),
        ],
        Final: true,
        Flags: []);

    public static ChargeDetailRecord Record(SessionCost? cost = null, string? signedDataJson = null)
    {
        cost ??= Cost();
        return new()
        {
            Id = 7,
            TransactionDbId = 42,
            StationId = "CP-1",
            TransactionId = "tx-42",
            EvseId = 1,
            ConnectorId = 2,
            IdTag = "04A1B2C3",
            IdTagGroup = "FLEET",
            StartedAt = Start,
            StoppedAt = Start.AddHours(2),
            MeterStartWh = 1000m,
            MeterStopWh = 13345m,
            EnergyWh = cost.BilledEnergyWh,
            ChargingHours = cost.ChargingHours,
            ParkingHours = cost.ParkingHours,
            TariffId = "standard",
            TariffVersion = 3,
            TariffJson = JsonSerializer.Serialize(Tariff(), BillingJsonContext.Default.TariffDefinition),
            Currency = "EUR",
            AmountExclVat = cost.AmountExclVat,
            Vat = cost.Vat,
            Amount = cost.Amount,
            CostJson = JsonSerializer.Serialize(cost, BillingJsonContext.Default.SessionCost),
            Flags = cost.Flags.Count == 0 ? null : string.Join(',', cost.Flags),
            SignedDataJson = signedDataJson,
            IssuedAt = Start.AddHours(2).AddSeconds(5),
        };
    }

    public static string Signed(params SignedReading[] readings) => SignedReading.ToJson(readings)!;

    public static async IAsyncEnumerable<T> Async<T>(params T[] items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}
