using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Iskra.Server.Api;

/// <summary>
/// Reads one file from a request body, streamed: either the raw body (PUT or POST of the bytes) or the
/// first file part of a <c>multipart/form-data</c> body (what an HTML form or curl -F sends).
/// </summary>
public static class UploadBodies
{
    /// <summary>Room for multipart boundaries and part headers above the file's own limit.</summary>
    private const long MultipartSlack = 1024 * 1024;

    /// <summary>
    /// Hands the file's stream and the name its part gave (null for a raw body) to <paramref name="receive"/>.
    /// A declared length over <paramref name="limit"/> is a 413 at once; a multipart body without a file part is a 400.
    /// </summary>
    public static async Task<T> ReadAsync<T>(HttpRequest request, long limit, Func<Stream, string?, Task<T>> receive)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(receive);
        var multipart = MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
        var bodyLimit = multipart ? limit + MultipartSlack : limit;
        if (request.ContentLength > bodyLimit)
        {
            throw new BadHttpRequestException($"The file is larger than the limit of {limit} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = bodyLimit + 1; // our own count gives the 413; Kestrel's limit only backs it up
        }

        if (!multipart)
        {
            return await receive(request.Body, null).ConfigureAwait(false);
        }

        var boundary = HeaderUtilities.RemoveQuotes(type!.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new BadHttpRequestException("The multipart body has no boundary.");
        }

        var reader = new MultipartReader(boundary, request.Body);
        while (await reader.ReadNextSectionAsync(request.HttpContext.RequestAborted).ConfigureAwait(false) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFileDisposition())
            {
                var name = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                return await receive(section.Body, name).ConfigureAwait(false);
            }
        }

        throw new BadHttpRequestException("The multipart body has no file part.");
    }
}
