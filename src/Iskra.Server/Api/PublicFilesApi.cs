using Iskra.Csms.Diagnostics;
using Iskra.Csms.Files;
using Iskra.Csms.Firmware;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Iskra.Server.Api;

/// <summary>
/// <c>/files/...</c>: the HTTP endpoints stations use, outside <c>/api</c> and without an API key
/// (stations have none). Each is authorized by the unguessable token in its URL alone (docs/files.md).
/// </summary>
public static class PublicFilesApi
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = app.MapGroup("/files").AllowAnonymous().WithTags("Station files");
        string[] upload = [HttpMethods.Put, HttpMethods.Post];
        files.MapMethods("/uploads/{token}", upload, UploadAsync).WithName("UploadStationFile")
            .WithSummary("A station uploads a diagnostics or log file (raw body or multipart/form-data)");
        files.MapMethods("/uploads/{token}/{fileName}", upload, UploadAsync).WithName("UploadStationFileNamed")
            .WithSummary("A station uploads a diagnostics or log file under a name");
        files.MapMethods("/firmware/{id:long}/{token}/{name}", [HttpMethods.Get, HttpMethods.Head], DownloadFirmwareAsync).WithName("DownloadFirmware")
            .WithSummary("A station downloads a firmware image (HTTP Range supported)");
    }

    private static async Task<IResult> UploadAsync(string token, string? fileName, HttpContext context, UploadService uploads, IOptions<FilesOptions> options, CancellationToken cancellationToken)
    {
        if (await uploads.FindAsync(token, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownUpload();
        }

        var limit = options.Value.MaxUploadBytes;
        try
        {
            var file = await UploadBodies.ReadAsync(context.Request, limit, (content, partName) =>
                uploads.ReceiveAsync(token, fileName ?? partName, content, cancellationToken)).ConfigureAwait(false);
            return file is null
                ? UnknownUpload()
                : TypedResults.Created($"/api/files/{file.Id}", new UploadReceipt(file.Id, file.FileName, file.Size, file.Sha256));
        }
        catch (FileTooLargeException)
        {
            return TypedResults.Problem(title: "File too large", detail: $"The file is larger than the limit of {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static async Task<IResult> DownloadFirmwareAsync(long id, string token, FirmwareRepository repository, CancellationToken cancellationToken)
    {
        var image = await repository.FindAsync(id, token, cancellationToken).ConfigureAwait(false);
        return image is null
            ? TypedResults.Problem(title: "Unknown firmware", detail: "No firmware image at this URL.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.PhysicalFile(repository.FullPath(image), "application/octet-stream", image.Name, image.UploadedAt, new EntityTagHeaderValue($"\"{image.Sha256}\""), enableRangeProcessing: true);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult UnknownUpload() =>
        TypedResults.Problem(title: "Unknown upload URL", detail: "No upload is expected at this URL (unknown or expired).", statusCode: StatusCodes.Status404NotFound);
}
