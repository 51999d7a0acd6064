using Iskra.Csms.Files;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Server.Api;

/// <summary>
/// What stations uploaded, for operators: <c>GET /api/stations/{id}/files</c>, <c>GET /api/files/{fileId}</c>
/// (the bytes), and <c>GET /api/stations/{id}/upload-requests</c> (every get-diagnostics with its status).
/// </summary>
public static class FilesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/stations/{id}/files", ListAsync).WithName("ListStationFiles").WithTags("Files")
            .WithSummary("Files the station uploaded, newest first").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/stations/{id}/upload-requests", RequestsAsync).WithName("ListUploadRequests").WithTags("Files")
            .WithSummary("get-diagnostics requests sent to the station and their statuses, newest first").ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/files/{fileId:long}", DownloadAsync).WithName("DownloadStationFile").WithTags("Files")
            .WithSummary("The bytes of an uploaded file").Produces(200, contentType: "application/octet-stream").ProducesProblem(404);
    }

    private static async Task<IResult> ListAsync(string id, string? cursor, int? limit, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var query = db.StationFiles.AsNoTracking().Where(f => f.StationId == id);
        if (after is { } a)
        {
            query = query.Where(f => f.Id < a);
        }

        var rows = await query.OrderByDescending(f => f.Id).Take(take + 1)
            .Select(f => new StationFileView(f.Id, f.UploadRequestId, f.UploadRequest!.Kind, f.FileName, f.Size, f.Sha256, f.ReceivedAt, f.UploadRequest.Status))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page(rows, take, f => f, f => f.Id));
    }

    private static async Task<IResult> RequestsAsync(string id, string? cursor, int? limit, IDbContextFactory<IskraDbContext> contexts, CancellationToken cancellationToken)
    {
        var take = Paging.Limit(limit);
        var after = Paging.After(cursor);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (!await db.Stations.AnyAsync(s => s.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.UnknownStation(id);
        }

        var query = db.UploadRequests.AsNoTracking().Where(r => r.StationId == id);
        if (after is { } a)
        {
            query = query.Where(r => r.Id < a);
        }

        var rows = await query.OrderByDescending(r => r.Id).Take(take + 1).ToListAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(Paging.Page([.. rows.Select(UploadRequestView.From)], take, r => r, r => r.Id));
    }

    private static async Task<IResult> DownloadAsync(long fileId, IDbContextFactory<IskraDbContext> contexts, FileStore store, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var file = await db.StationFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken).ConfigureAwait(false);
        return file is null || !store.Exists(file.StoredName)
            ? TypedResults.Problem(title: "Unknown file", detail: $"No file {fileId}.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.PhysicalFile(store.FullPath(file.StoredName), "application/octet-stream", file.FileName, file.ReceivedAt, enableRangeProcessing: true);
    }
}
