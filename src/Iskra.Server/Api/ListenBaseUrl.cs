using Iskra.Csms.Files;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Iskra.Server.Api;

/// <summary>
/// The default public base URL of files when <c>Files:PublicBaseUrl</c> is empty: the address Kestrel
/// listens on (https preferred), never a request's Host header, which the caller chooses. A wildcard
/// address names no host a station could use, so it gives none (docs/files.md).
/// </summary>
public sealed class ListenBaseUrl(IServer server) : IServerBaseUrl
{
    public Uri? Current => From(server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);

    public static Uri? From(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return addresses
            .Select(a => Uri.TryCreate(a, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps) && !Wildcard(u.Host))
            .OrderBy(u => u.Scheme == Uri.UriSchemeHttps ? 0 : 1)
            .Select(u => new Uri(u.GetLeftPart(UriPartial.Authority)))
            .FirstOrDefault();
    }

    private static bool Wildcard(string host) => host is "0.0.0.0" or "[::]" or "::" or "+" or "*" or "";
}
