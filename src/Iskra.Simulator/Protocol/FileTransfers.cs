namespace Iskra.Simulator.Protocol;

/// <summary>The one HTTP client of every simulated station, for firmware downloads and log uploads.</summary>
internal static class FileTransfers
{
    public static HttpClient Http { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>Whether the simulator can move files over this location's scheme (HTTP and HTTPS only; no FTP client).</summary>
    public static bool Supports(Uri location) => location.Scheme is "http" or "https";
}
