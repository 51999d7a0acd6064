using Iskra.Csms.Files;
using Iskra.Csms.Firmware;
using Iskra.Csms.Storage;
using Iskra.Server.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Api;

/// <summary>
/// The firmware repository (<c>/api/firmware</c>: upload, list, delete; uploads need the operator role)
/// and <c>GET /api/stations/{id}/firmware-updates</c>, every update-firmware with its status history.
/// </summary>
public static class FirmwareApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var firmware = api.MapGroup("/firmware").WithTags("Firmware");
        firmware.MapPost("/", UploadAsync).RequireAuthorization(ApiPolicies.Operator).WithName("UploadFirmware")
            .WithSummary("Store a firmware image: multipart/form-data with one file, or the raw bytes with ?name=")
            .Produces<FirmwareImageView>(201).ProducesProblem(400).ProducesProblem(413);
        firmware.MapGet("/", ListAsync).WithName("ListFirmware").WithSummary("The images of the repository, newest first").ProducesProblem(400);
        firmware.MapGet("/{firmwareId:long}", GetAsync).WithName("GetFirmware").WithSummary("One image").ProducesProblem(404);
        firmware.MapDelete("/{firmwareId:long}", DeleteAsync).RequireAuthorization(ApiPolicies.Operator).WithName("DeleteFirmware")
            .WithSummary("Remove an image; its download URL stops working").ProducesProblem(404);
        api.MapGet("/stations/{id}/firmware-updates", UpdatesAsync).WithName("ListFirmwareUpdates").WithTags("Firmware")
            .WithSummary("update-firmware requests sent to the station with their status history, newest first").ProducesProblem(400).ProducesProblem(404);
    }

    private static async Task<IResult> UploadAsync(string? name, HttpContext context, FirmwareRepository repository, FileLinks links, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFirmwareBytes;
        try
        {
            var image = await UploadBodies.ReadAsync(context.Request, limit, async (content, partName) =>
            {
                var given = partName ?? name;
                return string.IsNullOrWhiteSpace(given)
                    ? null
                    : await repository.AddAsync(given, content, ApiCallers.Of(context).Actor, cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
            return image is null
                ? TypedResults.Problem(title: "Invalid firmware upload", detail: "Name the image: ?name= with a raw body, or a file name in the multipart part.", statusCode: 400)
                : TypedResults.Created($"/api/firmware/{image.Id}", FirmwareImageView.From(image, links.BaseUrl()));
        }
        catch (FileTooLargeException)
        {
            return TypedResults.Problem(title: "File too large", detail: $"The image is larger than the limit of {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static async Task<IResult> ListAsync(string? cursor, int? limit, IDbContextFactory<IskraDbContext> contexts, FileLinks links, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.FirmwareImages.AsNoTracking();
        if (after is { } a)
        {
            query = query.Where(i => i.Id < a);
        }

        var rows = await query.OrderByDescending(i => i.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        var baseUrl = links.BaseUrl();
        return TypedResults.Ok(Paging.Page([.. rows.Select(i => FirmwareImageView.From(i, baseUrl))], take, i => i, i => i.Id));
    }

    private static async Task<IResult> GetAsync(long firmwareId, FirmwareRepository repository, FileLinks links, CancellationToken cancellationToken) =>
        await repository.GetAsync(firmwareId, cancellationToken).ConfigureAwait(false) is { } image
            ? TypedResults.Ok(FirmwareImageView.From(image, links.BaseUrl()))
            : UnknownImage(firmwareId);

    private static async Task<IResult> DeleteAsync(long firmwareId, FirmwareRepository repository, CancellationToken cancellationToken) =>
        await repository.DeleteAsync(firmwareId, cancellationToken).ConfigureAwait(false) ? TypedResults.NoContent() : UnknownImage(firmwareId);

    private static async Task<IResult> UpdatesAsync(string id, string? cursor, int? limit, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var query = db.FirmwareUpdates.AsNoTracking().Include(u => u.History).Where(u => u.StationId == id);
        if (after is { } a)
        {
            query = query.Where(u => u.Id < a);
        }

        var rows = await query.OrderByDescending(u => u.Id).Take(take + 1).AsSplitQuery().ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page([.. rows.Select(FirmwareUpdateView.From)], take, u => u, u => u.Id));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownImage(long id) =>
        TypedResults.Problem(title: "Unknown firmware", detail: $"No firmware image {id}.", statusCode: StatusCodes.Status404NotFound);
}
