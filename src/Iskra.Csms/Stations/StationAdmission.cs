using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Stations;

/// <summary>
/// Secure-by-default admission (SPEC §2.1): registered stations only, Basic auth checked against the
/// stored hash for profiles 1 and 2, a client certificate whose CN is the id for profile 3, nothing
/// for profile 0. Unknown ids and wrong passwords cost the same work, so timing does not tell them apart.
/// </summary>
public sealed class StationAdmission(
    IDbContextFactory<IskraDbContext> contexts,
    StorageWriter writer,
    AdmissionGuard guard,
    ConnectionAttemptLog attempts,
    IOptions<CsmsOptions> options,
    TimeProvider time) : IStationAdmission
{
    public async ValueTask<AdmissionDecision> AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (guard.IsLimited(request))
        {
            return AdmissionDecision.Refuse(RefusalReason.RateLimited);
        }

        Station? station;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.StationId, cancellationToken).ConfigureAwait(false);
        }

        var decision = station is null ? await AdmitUnknownAsync(request, cancellationToken).ConfigureAwait(false) : Check(station, request);
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

    private static AdmissionDecision Check(Station station, AdmissionRequest request)
    {
        switch (station.SecurityProfile)
        {
            case 0:
                return AdmissionDecision.Admit;
            case 3:
                return request.IsTls && request.ClientCertificateSubjectCn == station.Id
                    ? AdmissionDecision.Admit
                    : AdmissionDecision.Refuse(RefusalReason.Tls);
            default:
                if (station.SecurityProfile == 2 && !request.IsTls)
                {
                    return AdmissionDecision.Refuse(RefusalReason.Tls);
                }

                var ok = request.BasicUser == station.Id
                    && request.BasicPassword is not null
                    && StationPasswords.Verify(request.BasicPassword, station.PasswordHash);
                return ok ? AdmissionDecision.Admit : AdmissionDecision.Refuse(RefusalReason.BadCredentials);
        }
    }

    private async ValueTask<AdmissionDecision> AdmitUnknownAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        if (!options.Value.AdmitUnknownStations)
        {
            // Same work as a wrong password, so the answer's timing does not reveal which ids exist.
            StationPasswords.Verify(request.BasicPassword ?? "", StationPasswords.Decoy);
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
