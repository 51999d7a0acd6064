using Iskra.Csms.Access;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.TestLab.Runner;

/// <summary>The station's credentials in Iskra's database, for a run: a rotation is audited like an operator's.</summary>
internal sealed class LabCredentials(string stationId, IDbContextFactory<IskraDbContext> contexts, ConfigurationStore configuration, StationPasswordHasher passwords, AdminAudit audit) : IStationCredentials
{
    public async Task<int> RegisteredProfileAsync(CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            return await db.Stations.Where(s => s.Id == stationId).Select(s => s.SecurityProfile).FirstAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task AcceptPasswordAsync(string password, CancellationToken cancellationToken) =>
        configuration.RememberPasswordAsync(stationId, passwords.Hash(password),
            audit.Entry("test lab", AdminActions.StationPasswordRotated, stationId, ["password"], stationId), cancellationToken);

    public async Task<bool> LoggedInWithAsync(string password, CancellationToken cancellationToken)
    {
        var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (db.ConfigureAwait(false))
        {
            var station = await db.Stations.AsNoTracking().FirstAsync(s => s.Id == stationId, cancellationToken).ConfigureAwait(false);
            return station.PendingPasswordHash is null && station.PasswordHash is { } hash && passwords.Verify(stationId, password, hash);
        }
    }
}
