using System.Text.Json;

namespace Iskra.Server.Api;

/// <summary>Reads a request body as JSON by hand, so an empty body and a garbage body each get their own clear answer.</summary>
public static class RequestBodies
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>The body as a JSON element (undefined when empty). Not JSON → 400; over <see cref="MaxBytes"/> → 413.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            throw new BadHttpRequestException($"The body is over {MaxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        }

        // Counted while it streams: a chunked body has no length to check first, and is never buffered past the limit.
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                throw new BadHttpRequestException($"The body is over {MaxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return default;
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new BadHttpRequestException($"The body is not valid JSON: {e.Message}", e);
        }
    }
}
