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

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > MaxBytes)
        {
            throw new BadHttpRequestException($"The body is over {MaxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
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
