using Iskra.Csms.Files;

namespace Iskra.Server.Api;

/// <summary>The scheme, host and path base of the API request being served: the default public base URL of files (docs/files.md).</summary>
public sealed class RequestBaseUrl(IHttpContextAccessor accessor) : IRequestBaseUrl
{
    public Uri? Current => accessor.HttpContext?.Request is { Host.HasValue: true } request
        && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}{request.PathBase.Value}", UriKind.Absolute, out var uri)
            ? uri
            : null;
}
