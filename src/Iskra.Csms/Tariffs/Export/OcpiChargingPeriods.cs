namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// A session's <see cref="CostPeriod"/>s as OCPI 2.2.1 ChargingPeriods (§10.4.6): ENERGY (kWh) and TIME (hours
/// charging) always, PARKING_TIME (hours not charging) when there was any. Volumes are rounded to four decimals
/// over running totals, so the periods add up exactly to the rounded session totals. A session without periods
/// gets one, from its start, with its totals.
/// </summary>
internal static class OcpiChargingPeriods
{
    public static IReadOnlyList<OcpiChargingPeriod> From(ChargeDetailRecord cdr, SessionCost cost)
    {
        IReadOnlyList<CostPeriod> periods = cost.Periods.Count > 0
            ? cost.Periods
            : [new CostPeriod(cdr.StartedAt, cdr.EnergyWh / 1000m, cdr.ChargingHours, cdr.ParkingHours, -1, -1, -1)];
        var energy = OcpiNumbers.RoundRun(periods.Select(p => p.EnergyKwh));
        var time = OcpiNumbers.RoundRun(periods.Select(p => p.ChargingHours));
        var parking = OcpiNumbers.RoundRun(periods.Select(p => p.ParkingHours));
        var result = new OcpiChargingPeriod[periods.Count];
        for (var i = 0; i < periods.Count; i++)
        {
            List<OcpiCdrDimension> dimensions =
            [
                new() { Type = "ENERGY", Volume = energy[i] },
                new() { Type = "TIME", Volume = time[i] },
            ];
            if (parking[i] != 0m)
            {
                dimensions.Add(new() { Type = "PARKING_TIME", Volume = parking[i] });
            }

            // Every period was priced under the record's one tariff, even where no element of it charged.
            result[i] = new() { StartDateTime = periods[i].Start, Dimensions = dimensions, TariffId = cdr.TariffId };
        }

        return result;
    }
}
