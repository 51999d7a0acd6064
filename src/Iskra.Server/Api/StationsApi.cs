using System.Net.WebSockets;
using Iskra.Csms.Access;
using Iskra.Csms.Events;
using Iskra.Csms.Stations;
using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Iskra.Server.Transport;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// <c>/api/stations</c>: list (paged by id, <c>?connected=</c>), register (admin; a generated password
/// is shown once), read, edit (admin; approving a Pending station takes effect on its live connection; a new
/// password or security profile closes it, so the station reconnects with its new credentials)
/// and delete (admin; its live connection is closed, its sessions and logs are kept). Each change is audited
/// (<see cref="AdminAudit"/>) with the names of the fields it set, never a password.
/// </summary>
public static class StationsApi
{
    private static readonly string[] RegistrationFields = ["id", "securityProfile", "password", "description"];
    private static readonly string[] ChangeFields = ["description", "securityProfile", "password", "registrationStatus"];
    private static readonly RegistrationState[] States = [RegistrationState.Accepted, RegistrationState.Pending, RegistrationState.Rejected];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var stations = api.MapGroup("/stations").WithTags("Stations");
        stations.MapGet("/", ListAsync).WithName("ListStations").WithSummary("All stations, paged by id; ?connected=true|false").ProducesProblem(400);
        stations.MapPost("/", RegisterAsync).RequireAuthorization(ApiPolicies.Admin).WithName("RegisterStation")
            .WithSummary("Register a station; a generated password is in the response, once")
            .Accepts<StationRegistration>("application/json").Produces<StationView>(201).ProducesProblem(400).ProducesProblem(409);
        stations.MapGet("/{id}", GetAsync).WithName("GetStation").WithSummary("One station").ProducesProblem(404);
        stations.MapPatch("/{id}", ChangeAsync).RequireAuthorization(ApiPolicies.Admin).WithName("ChangeStation")
            .WithSummary("Change description, security profile, password (or \"generate\") or registration status")
            .Accepts<StationChanges>("application/json").Produces<StationView>().ProducesProblem(400).ProducesProblem(404);
        stations.MapDelete("/{id}", DeleteAsync).RequireAuthorization(ApiPolicies.Admin).WithName("DeleteStation")
            .WithSummary("Delete a station: its live connection is closed; its transactions, meter values and logs are kept").ProducesProblem(404);
    }

    private static async Task<Ok<ItemPage<StationView>>> ListAsync(
        bool? connected, int? limit, string? cursor, IDbContextFactory<IskraDbContext> contexts, StationSessions sessions, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.AfterText(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Stations.AsNoTracking();
        if (connected is { } wanted)
        {
            var live = sessions.StationIds.ToList();
            query = wanted ? query.Where(s => live.Contains(s.Id)) : query.Where(s => !live.Contains(s.Id));
        }

        if (after is not null)
        {
            query = query.Where(s => string.Compare(s.Id, after) > 0);
        }

        var rows = await query.OrderBy(s => s.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var ids = rows.Select(s => s.Id).ToList();
        var connectors = (await db.Connectors.AsNoTracking().Where(c => ids.Contains(c.StationId)).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.StationId, StringComparer.Ordinal);
        return TypedResults.Ok(Paging.Page(rows, take, s => StationView.From(s, sessions.Find(s.Id), connectors[s.Id]), s => s.Id));
    }

    private static async Task<Results<Ok<StationView>, ProblemHttpResult>> GetAsync(
        string id, IDbContextFactory<IskraDbContext> contexts, StationSessions sessions, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        return station is null ? Unknown(id) : TypedResults.Ok(await ViewAsync(db, station, sessions, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Created<StationView>, ProblemHttpResult>> RegisterAsync(
        HttpContext context, IDbContextFactory<IskraDbContext> contexts, StationSessions sessions, StationPasswordHasher hasher, CsmsEvents events, AdminAudit audit, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(context.Request, RegistrationFields, cancellationToken).ConfigureAwait(false);
        var id = body.RequiredString("id", 1, StationIds.MaxLength);
        if (!StationIds.IsValid(id))
        {
            return Invalid("id must be 1 to 48 characters of A-Z a-z 0-9 * - _ = : + | @ . and not dots alone (SPEC §2.1).");
        }

        var station = new Station { Id = id, SecurityProfile = body.Number("securityProfile", 0, 3) ?? 1, Description = body.Text("description", 0, 500), CreatedAt = time.GetUtcNow() };
        var (password, problem) = PasswordFor(hasher, station, body.Text("password", 1, 100), body.Has("password"));
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return Duplicate(id);
        }

        db.Stations.Add(station);
        audit.Add(db, ApiCallers.Of(context).Actor, AdminActions.StationCreated, id, Changed((null, -1, null, RegistrationState.Accepted), station), id);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            return Duplicate(id); // registered by someone else at the same moment
        }

        events.Station(CsmsEventTypes.StationRegistered, station, []);
        var view = await ViewAsync(db, station, sessions, cancellationToken).ConfigureAwait(false) with { Password = password };
        return TypedResults.Created($"/api/stations/{Uri.EscapeDataString(id)}", view);
    }

    private static async Task<Results<Ok<StationView>, ProblemHttpResult>> ChangeAsync(
        string id, HttpContext context, IDbContextFactory<IskraDbContext> contexts, StationSessions sessions, StationApproval approval, StationPasswordHasher hasher, CsmsEvents events,
        AdminAudit audit, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(context.Request, ChangeFields, cancellationToken).ConfigureAwait(false);
        var profile = body.Number("securityProfile", 0, 3);
        var registration = body.Enum("registrationStatus", States);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false);
        if (station is null)
        {
            return Unknown(id);
        }

        var before = (station.Description, station.SecurityProfile, station.PasswordHash, station.RegistrationStatus);
        if (body.Has("description"))
        {
            station.Description = body.Text("description", 0, 500);
        }

        var oldProfile = station.SecurityProfile;
        station.SecurityProfile = profile ?? station.SecurityProfile;
        var (password, problem) = PasswordFor(hasher, station, body.Text("password", 1, 100), body.Has("password"), changing: oldProfile is 1 or 2);
        if (problem is not null)
        {
            return problem;
        }

        station.RegistrationStatus = registration ?? station.RegistrationStatus;
        var changed = Changed(before, station);
        var credentials = changed.Contains("password") || changed.Contains("securityProfile");
        if (credentials)
        {
            station.PendingPasswordHash = null; // a rotation in flight is void: the operator set the credentials
        }

        if (changed.Count > 0)
        {
            audit.Add(db, ApiCallers.Of(context).Actor, AdminActions.StationUpdated, id, changed, id);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        events.Station(CsmsEventTypes.StationUpdated, station, changed);
        if (credentials && sessions.TryGet(id, out var live))
        {
            // The station must reconnect with the new credentials; the old connection proved the old ones only.
            _ = live.Channel.CloseAsync(WebSocketCloseStatus.PolicyViolation, "credentials changed", CancellationToken.None);
        }
        else if (registration is { } state && sessions.TryGet(id, out var session))
        {
            _ = approval.ApplyLive(session.Connection, session.Outbound, state);
        }

        return TypedResults.Ok(await ViewAsync(db, station, sessions, cancellationToken).ConfigureAwait(false) with { Password = password });
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, HttpContext context, IDbContextFactory<IskraDbContext> contexts, StationSessions sessions, CsmsEvents events, AdminAudit audit, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return Unknown(id);
        }

        var connected = false;
        if (sessions.TryGet(id, out var session))
        {
            connected = true;
            // No further CALL of it is answered from here on; the close handshake finishes on its own.
            _ = session.Channel.CloseAsync(WebSocketCloseStatus.PolicyViolation, "station deleted", CancellationToken.None);
        }

        // Live state goes with the station; its history (transactions, meter values, status events, alarms, traffic, audit) stays.
        await db.Connectors.Where(c => c.StationId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.DeviceModel.Where(v => v.StationId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        if (await db.Stations.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0)
        {
            await audit.WriteAsync(db, ApiCallers.Of(context).Actor, AdminActions.StationDeleted, id, [], id).ConfigureAwait(false);
            events.StationDeleted(id, connected);
        }

        return TypedResults.NoContent();
    }

    /// <summary>
    /// Applies the password rules to <paramref name="station"/> (whose profile is already set): profiles 1
    /// and 2 need one (given, <c>"generate"</c>, or generated when the station has none yet); 0 and 3 take none.
    /// Returns the password to show once when it was generated.
    /// </summary>
    private static (string? Generated, ProblemHttpResult? Problem) PasswordFor(StationPasswordHasher hasher, Station station, string? given, bool present, bool changing = false)
    {
        if (station.SecurityProfile is 0 or 3)
        {
            if (given is not null)
            {
                return (null, Invalid($"Security profile {station.SecurityProfile} takes no password."));
            }

            station.PasswordHash = null;
            return (null, null);
        }

        if (station.Id.Contains(':', StringComparison.Ordinal))
        {
            return (null, Invalid("An id with ':' cannot be a Basic-auth user name; use security profile 0 or 3 (SPEC §2.1)."));
        }

        if (present && given is null)
        {
            return (null, Invalid("password must be a string (or \"generate\")."));
        }

        if (given is not null && given != "generate")
        {
            if (!StationPasswords.IsAcceptable(given))
            {
                return (null, Invalid("password must be 16 to 40 characters of a-z A-Z 0-9 * - _ = : + | @ . (OCPP passwordString)."));
            }

            station.PasswordHash = hasher.Hash(given);
            return (null, null);
        }

        if (given is null && changing && station.PasswordHash is not null)
        {
            return (null, null); // keeps its password
        }

        var generated = StationPasswords.Generate();
        station.PasswordHash = hasher.Hash(generated);
        return (generated, null);
    }

    /// <summary>The fields an edit changed (or a registration set, against an empty before); a password change is named, its value never.</summary>
    private static List<string> Changed((string? Description, int Profile, string? PasswordHash, RegistrationState State) before, Station after)
    {
        var changed = new List<string>();
        if (!string.Equals(before.Description, after.Description, StringComparison.Ordinal))
        {
            changed.Add("description");
        }

        if (before.Profile != after.SecurityProfile)
        {
            changed.Add("securityProfile");
        }

        if (!string.Equals(before.PasswordHash, after.PasswordHash, StringComparison.Ordinal))
        {
            changed.Add("password");
        }

        if (before.State != after.RegistrationStatus)
        {
            changed.Add("registrationStatus");
        }

        return changed;
    }

    private static async Task<StationView> ViewAsync(IskraDbContext db, Station station, StationSessions sessions, CancellationToken cancellationToken)
    {
        var connectors = await db.Connectors.AsNoTracking().Where(c => c.StationId == station.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return StationView.From(station, sessions.Find(station.Id), connectors);
    }

    private static ProblemHttpResult Invalid(string detail) => TypedResults.Problem(title: "Invalid station", detail: detail, statusCode: 400);

    private static ProblemHttpResult Unknown(string id) => TypedResults.Problem(title: "Unknown station", detail: $"No station '{StationIds.Escape(id)}'.", statusCode: 404);

    private static ProblemHttpResult Duplicate(string id) => TypedResults.Problem(title: "Station already registered", detail: $"A station '{id}' exists.", statusCode: 409);
}
