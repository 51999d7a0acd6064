using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// What Iskra knows of a station's settings: <c>GET /api/stations/{id}/configuration</c> (OCPP 1.6
/// keys) and <c>GET /api/stations/{id}/device-model</c> (OCPP 2.0.1 variables), as the station
/// reported them or accepted a change (docs/commands.md, get-/change-configuration).
/// </summary>
public static class ConfigurationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/configuration", KeysAsync)
            .WithName("ListConfigurationKeys").WithTags("Configuration")
            .WithSummary("The station's OCPP 1.6 configuration keys as last reported or changed, by key")
            .Produces<ItemPage<ConfigurationKeyView>>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/stations/{id}/device-model", VariablesAsync)
            .WithName("ListDeviceModel").WithTags("Configuration")
            .WithSummary("The station's OCPP 2.0.1 device-model variables as last reported or set; ?component=")
            .Produces<ItemPage<DeviceModelVariableView>>().ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> KeysAsync(string id, string? cursor, int? limit, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.AfterText(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var query = db.ConfigurationKeys.AsNoTracking().Where(k => k.StationId == id);
        if (after is not null)
        {
            query = query.Where(k => string.Compare(k.Key, after) > 0);
        }

        var rows = await query.OrderBy(k => k.Key).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, ConfigurationKeyView.From, k => k.Key));
    }

    private static async Task<IResult> VariablesAsync(string id, string? component, string? cursor, int? limit, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var query = db.DeviceModel.AsNoTracking().Where(v => v.StationId == id);
        if (component is not null)
        {
            // 2.0.1 component names are case-insensitive (ComponentType.name in the official schema).
            var lower = component.ToLowerInvariant();
#pragma warning disable CA1862 // string.Equals with a StringComparison has no SQL translation; LOWER() does, on both databases
            query = query.Where(v => v.Component.ToLower() == lower);
#pragma warning restore CA1862
        }

        if (after is { } last)
        {
            query = query.Where(v => v.Id > last);
        }

        var rows = await query.OrderBy(v => v.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, DeviceModelVariableView.From, v => v.Id));
    }
}
