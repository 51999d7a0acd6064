using Iskra.Csms.Events;
using Iskra.Csms.Files;
using Iskra.Csms.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Diagnostics;

/// <summary>
/// Upload requests (1.6 GetDiagnostics, 2.0.1 GetLog) from sending to the file: the request row and
/// its token, the station's answer, its status notifications, and the file it uploads.
/// </summary>
public sealed class UploadService(
    IDbContextFactory<IskraDbContext> contexts,
    StorageWriter writer,
    FileStore store,
    IOptions<FilesOptions> options,
    CsmsEvents events,
    TimeProvider time)
{
    public const string Diagnostics = "diagnostics";
    public const string Log = "log";

    /// <summary>Stores a new request; with no <paramref name="location"/> it gets a token and Iskra's upload URL under <paramref name="baseUrl"/>. A log request's OCPP requestId is its row id.</summary>
    public async Task<UploadRequest> CreateAsync(string stationId, string kind, string? logType, string? location, string baseUrl, string actor, CancellationToken cancellationToken)
    {
        var token = location is null ? FileLinks.NewToken() : null;
        var now = time.GetUtcNow();
        var request = new UploadRequest
        {
            StationId = stationId,
            Kind = kind,
            LogType = logType,
            Token = token,
            Location = location ?? FileLinks.Upload(baseUrl, token!),
            Status = "Sent",
            Actor = actor,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.UploadRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        if (kind == Log)
        {
            request.RequestId = checked((int)request.Id);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return request;
    }

    /// <summary>The station's answer to the request: its status and the file name it announced.</summary>
    public async Task AnsweredAsync(long id, string status, string? fileName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var request = await db.UploadRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        // A station may report progress before its answer is stored (it acts at once): that status stays.
        if (request.Status == "Sent")
        {
            request.Status = status;
        }

        request.FileName = fileName is { Length: > FileNames.MaxLength } ? fileName[..FileNames.MaxLength] : fileName;
        request.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The call got no answer; a request the station already reported on keeps its status. A Failed request's URL takes no file.</summary>
    public async Task FailedAsync(long id, string outcome, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await db.UploadRequests.Where(r => r.Id == id && r.Status == "Sent")
            .ExecuteUpdateAsync(
                u => u.SetProperty(r => r.Status, RemoteControl.StationCommand.FailureStatus(outcome))
                    .SetProperty(r => r.Failure, outcome)
                    .SetProperty(r => r.UpdatedAt, time.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A DiagnosticsStatusNotification (1.6, no request id: the station's latest diagnostics request)
    /// or LogStatusNotification (2.0.1, by requestId). Idle says "nothing in progress" (a triggered
    /// notification) and changes no request. Announced as <c>log.status</c> once stored.
    /// </summary>
    public async Task StatusAsync(string stationId, int? requestId, string status, CancellationToken cancellationToken)
    {
        if (status == "Idle")
        {
            Unmatched(stationId, requestId, status);
            return;
        }

        var requestRowId = await writer.WriteAsync((stationId, requestId, status, now: time.GetUtcNow()), static async (db, s, ct) =>
        {
            var query = db.UploadRequests.Where(r => r.StationId == s.stationId);
            query = s.requestId is { } id
                ? query.Where(r => r.RequestId == id)
                : query.Where(r => r.RequestId == null && r.Kind == Diagnostics && r.Status != "Failed");
            var request = await query.OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            if (request is not null)
            {
                request.Status = s.status;
                request.UpdatedAt = s.now;
            }

            return request?.Id;
        }, cancellationToken).ConfigureAwait(false);
        events.LogStatus(stationId, status, requestId, requestRowId);
    }

    /// <summary>A status notification that belongs to no request (a triggered one without requestId): only announced.</summary>
    public void Unmatched(string stationId, int? requestId, string status) => events.LogStatus(stationId, status, requestId, null);

    /// <summary>
    /// Receives a file on the upload URL of <paramref name="token"/>. Null when no live request has that
    /// token (unknown, Failed, older than <see cref="FilesOptions.UploadLifetime"/>, or it has received
    /// <see cref="FilesOptions.MaxFilesPerUpload"/> files already). Throws <see cref="FileTooLargeException"/>
    /// over <see cref="FilesOptions.MaxUploadBytes"/>.
    /// </summary>
    public async Task<StationFile?> ReceiveAsync(string token, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        var request = await FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return null;
        }

        var stored = await store.WriteAsync("uploads", content, options.Value.MaxUploadBytes, cancellationToken).ConfigureAwait(false);
        var file = new StationFile
        {
            StationId = request.StationId,
            UploadRequestId = request.Id,
            FileName = FileNames.Sanitize(fileName ?? request.FileName, request.Kind + ".bin"),
            StoredName = stored.Path,
            Size = stored.Size,
            Sha256 = stored.Sha256,
            ReceivedAt = time.GetUtcNow(),
        };
        bool kept;
        try
        {
            // Counted and added by the one writer, so two uploads at once cannot both take the last place.
            kept = await writer.WriteAsync((file, max: Math.Max(1, options.Value.MaxFilesPerUpload)), static async (db, s, ct) =>
            {
                var id = s.file.UploadRequestId;
                var received = await db.StationFiles.CountAsync(f => f.UploadRequestId == id, ct).ConfigureAwait(false)
                    + db.StationFiles.Local.Count(f => f.UploadRequestId == id && f != s.file);
                if (received >= s.max)
                {
                    return false;
                }

                db.StationFiles.Add(s.file);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            store.Delete(stored.Path);
            throw;
        }

        if (!kept)
        {
            store.Delete(stored.Path);
            return null;
        }

        return file;
    }

    /// <summary>The live request of <paramref name="token"/>, or null.</summary>
    public async Task<UploadRequest?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var request = await db.UploadRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Token == token, cancellationToken).ConfigureAwait(false);
        // A request the station refused with a CALLERROR uploads nothing; NoAnswer stays open: the station may have acted.
        if (request is null || request.Status == "Failed" || request.CreatedAt + options.Value.UploadLifetime <= time.GetUtcNow())
        {
            return null;
        }

        // Checked again when the file is added (ReceiveAsync); here so that a used URL reads nothing.
        var received = await db.StationFiles.CountAsync(f => f.UploadRequestId == request.Id, cancellationToken).ConfigureAwait(false);
        return received < Math.Max(1, options.Value.MaxFilesPerUpload) ? request : null;
    }
}
