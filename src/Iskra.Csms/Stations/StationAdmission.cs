using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Stations;

/// <summary>
/// Secure-by-default admission (SPEC §2.1): registered stations only, Basic auth checked against the
/// stored hash for profiles 1 and 2, a client certificate whose CN is the id for profile 3, nothing
/// for profile 0. Every refusal after the rate limit performs exactly one password verification
/// (<see cref="StationPasswordHasher"/>), so timing does not tell unknown ids, wrong user names, missing
/// credentials, wrong passwords and TLS mismatches apart; the rate limit refuses before any work.
/// </summary>
public sealed class StationAdmission(
    IDbContextFactory<IskraDbContext> contexts,
    StorageWriter writer,
    AdmissionGuard guard,
    ConnectionAttemptLog attempts,
    StationPasswordHasher hasher,
    IOptions<CsmsOptions> options,
    TimeProvider time) : IStationAdmission
{
    public async ValueTask<AdmissionDecision> AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (guard.IsLimited(request))
        {
            guard.Limited(request);
            return AdmissionDecision.Refuse(RefusalReason.RateLimited);
        }

        Station? station;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.StationId, cancellationToken).ConfigureAwait(false);
        }

        var decision = station is null ? await AdmitUnknownAsync(request, cancellationToken).ConfigureAwait(false) : await CheckAsync(station, request, cancellationToken).ConfigureAwait(false);
        if (!decision.Admitted)
        {
            guard.Failed(request, registered: station is not null, decision.Reason);
        }
        else
        {
            guard.Admitted(request);
        }

        return decision;
    }

    /// <summary>Counts the refusal in memory (<see cref="ConnectionAttemptLog"/>); never waits for storage.</summary>
    public ValueTask RecordRefusalAsync(string? stationId, string? remoteAddress, RefusalReason reason, CancellationToken cancellationToken)
    {
        attempts.Record(stationId, remoteAddress, reason);
        return ValueTask.CompletedTask;
    }

    private async ValueTask<AdmissionDecision> CheckAsync(Station station, AdmissionRequest request, CancellationToken cancellationToken)
    {
        var password = request.BasicPassword ?? "";
        if (station.SecurityProfile == 0)
        {
            return AdmissionDecision.Admit;
        }

        if (station.SecurityProfile == 3)
        {
            if (request.IsTls && request.ClientCertificateSubjectCn == station.Id)
            {
                return AdmissionDecision.Admit;
            }

            hasher.Verify(station.Id, password, null); // the cost of every other refusal
            return AdmissionDecision.Refuse(RefusalReason.Tls);
        }

        // Profiles 1 and 2 (1.6 security whitepaper A00.FR.204: the user name is the station id).
        var named = request.BasicUser == station.Id && request.BasicPassword is not null;
        var ok = hasher.Verify(station.Id, password, named ? station.PasswordHash : null);
        var promoted = false;
        if (!ok && named && station.PendingPasswordHash is not null)
        {
            // A rotation the station accepted: its first login with the new password ends the old one (A01).
            ok = promoted = hasher.Verify(station.Id, password, station.PendingPasswordHash);
        }

        if (station.SecurityProfile == 2 && !request.IsTls)
        {
            return AdmissionDecision.Refuse(RefusalReason.Tls);
        }

        if (!ok)
        {
            return AdmissionDecision.Refuse(RefusalReason.BadCredentials);
        }

        var verified = promoted ? station.PendingPasswordHash! : station.PasswordHash!;
        if (promoted || hasher.NeedsRehash(verified))
        {
            var renewed = hasher.NeedsRehash(verified) ? hasher.Hash(password) : verified;
            await writer.WriteAsync((station.Id, before: station.PasswordHash, renewed, promoted), static async (db, s, ct) =>
            {
                var row = await StationRows.FindAsync(db, s.Id, ct).ConfigureAwait(false); // not a heartbeat's stub
                if (row is not null && row.PasswordHash == s.before)
                {
                    row.PasswordHash = s.renewed; // unless the operator set a new password meanwhile
                    row.PendingPasswordHash = s.promoted ? null : row.PendingPasswordHash;
                }

                return true;
            }, cancellationToken).ConfigureAwait(false);
            hasher.Remember(station.Id, password, renewed);
        }

        return AdmissionDecision.Admit;
    }

    private async ValueTask<AdmissionDecision> AdmitUnknownAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.AdmitUnknownStations)
        {
            // Same work as a wrong password, so the answer's timing does not reveal which ids exist.
            hasher.Verify(request.StationId, request.BasicPassword ?? "", null);
            return AdmissionDecision.Refuse(RefusalReason.UnknownStation);
        }

        var station = new Station
        {
            Id = request.StationId,
            SecurityProfile = 0,
            RegistrationStatus = RegistrationState.Pending,
            CreatedAt = time.GetUtcNow(),
        };
        await writer.WriteAsync(station, static async (db, s, ct) =>
        {
            if (await db.Stations.FindAsync([s.Id], ct).ConfigureAwait(false) is null)
            {
                db.Stations.Add(s);
            }

            return true;
        }, cancellationToken).ConfigureAwait(false);
        return AdmissionDecision.Admit;
    }
}
