using Iskra.Csms.Authorization;
using Iskra.Csms.Events;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Demo;

/// <summary>
/// Registers the demo's stations and cards in Iskra's database as the operator API would (StationsApi,
/// IdTagsApi): security profile 1 with a newly generated password on each start (the stored hash cannot
/// give the old one back), Accepted; the cards Accepted. Stations and cards that exist are reused.
/// </summary>
public sealed class DemoRegistration(IDbContextFactory<IskraDbContext> contexts, StationPasswordHasher hasher, CsmsEvents events, TimeProvider time)
{
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
        foreach (var station in added)
        {
            events.Station(CsmsEventTypes.StationRegistered, station, []);
        }

        return passwords;
    }
}
