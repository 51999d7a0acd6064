using Iskra.Csms.Authorization;
using Iskra.Csms.Events;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Csms.Tariffs;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Demo;

/// <summary>
/// Registers the demo's stations and cards in Iskra's database as the operator API would (StationsApi,
/// IdTagsApi): security profile 1 with a newly generated password on each start (the stored hash cannot
/// give the old one back), Accepted; the cards Accepted. Stations and cards that exist are reused. The
/// tariff <see cref="TariffId"/> prices every demo session (added once, then left as the operator keeps it).
/// </summary>
public sealed class DemoRegistration(IDbContextFactory<IskraDbContext> contexts, StationPasswordHasher hasher, CsmsEvents events, TariffService tariffs, TimeProvider time)
{
    public const string TariffId = "DEMO";

    /// <summary>
    /// The demo's tariff: 0.39 EUR/kWh (0.29 at night, 22:00 to 06:00), 2.00 EUR/h parking once a session has
    /// lasted an hour, a 0.50 EUR session fee, 19 % VAT, in Europe/Berlin; for the demo stations.
    /// </summary>
    public static TariffInput Tariff { get; } = new(TariffId, "Demo tariff", new TariffDefinition(
        "EUR",
        19m,
        [
            new TariffElement([new PriceComponent(TariffDimension.Energy, 0.29m)], new TariffRestrictions(StartTime: new TimeOnly(22, 0), EndTime: new TimeOnly(6, 0))),
            new TariffElement([new PriceComponent(TariffDimension.Energy, 0.39m), new PriceComponent(TariffDimension.Flat, 0.50m)]),
            new TariffElement([new PriceComponent(TariffDimension.ParkingTime, 2.00m, 60)], new TariffRestrictions(MinDurationSeconds: 3600)),
        ],
        TimeZone: "Europe/Berlin"), new TariffAssignment(Stations: ["DEMO-*"]));

    /// <summary>Registers everything; returns each station's password.</summary>
    public async Task<IReadOnlyDictionary<string, string>> RegisterAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        var added = new List<Station>();
        foreach (var demo in DemoStation.All)
        {
            var password = StationPasswords.Generate();
            passwords[demo.Id] = password;
            var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == demo.Id, cancellationToken).ConfigureAwait(false);
            if (station is null)
            {
                station = new Station { Id = demo.Id, Description = demo.Description, CreatedAt = time.GetUtcNow() };
                db.Stations.Add(station);
                added.Add(station);
            }

            station.SecurityProfile = 1;
            station.PasswordHash = hasher.Hash(password);
            station.PendingPasswordHash = null;
            station.RegistrationStatus = RegistrationState.Accepted;
        }

        foreach (var card in DemoStation.Cards)
        {
            var tag = await db.IdTags.FirstOrDefaultAsync(t => t.Value == card, cancellationToken).ConfigureAwait(false);
            if (tag is null)
            {
                db.IdTags.Add(new IdTag { Value = card, Status = IdTagStatus.Accepted, CreatedAt = time.GetUtcNow() });
            }
            else
            {
                tag.Status = IdTagStatus.Accepted;
                tag.ExpiryDate = null;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Tariffs.AnyAsync(t => t.Id == TariffId, cancellationToken).ConfigureAwait(false))
        {
            await tariffs.CreateAsync(TariffId, Tariff, Csms.Access.AdminAudit.StartUp, cancellationToken).ConfigureAwait(false);
        }

        foreach (var station in added)
        {
            events.Station(CsmsEventTypes.StationRegistered, station, []);
        }

        return passwords;
    }
}
