using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace Iskra.Server;

/// <summary>
/// Runs the server process: checks that its ports are free, prepares the database, starts and waits
/// for shutdown. A port already in use is one line on standard error and exit code
/// <see cref="PortInUseExitCode"/>, not a crash with a stack trace.
/// </summary>
public static class ServerStart
{
    public const int PortInUseExitCode = 2;

    public static async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using (app.ConfigureAwait(false))
        {
            var urls = (app.Configuration["urls"] ?? IskraHost.DefaultUrl).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            // With Kestrel:Endpoints the urls are ignored by Kestrel, so only its own bind error can tell.
            var endpoints = app.Configuration.GetSection("Kestrel:Endpoints").Exists();
            if (!endpoints && urls.FirstOrDefault(InUse) is { } busy)
            {
                return await PortInUseAsync(busy).ConfigureAwait(false);
            }

            await IskraHost.PrepareAsync(app).ConfigureAwait(false);
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (IOException ex) when (ex.InnerException is AddressInUseException)
            {
                // Taken between the check and the start; Kestrel has logged it already.
                var address = System.Text.RegularExpressions.Regex.Match(ex.Message, @"address (\S+):", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
                return await PortInUseAsync(address.Success ? address.Groups[1].Value : urls[0]).ConfigureAwait(false);
            }

            await app.WaitForShutdownAsync().ConfigureAwait(false);
            return 0;
        }
    }

    /// <summary>The one line an operator needs: which port, and how to choose another.</summary>
    public static string PortInUseMessage(string url)
    {
        int port;
        try
        {
            port = BindingAddress.Parse(url).Port;
        }
        catch (FormatException)
        {
            return $"Iskra cannot start: an address it listens on is already in use ({url}). Stop the program using it, or choose another port with --urls.";
        }

        return $"Iskra cannot start: port {port} is already in use ({url}). Stop the program using it, or choose another port, e.g. --urls http://localhost:{(port == 8180 ? 8181 : 8180)}";
    }

    private static async Task<int> PortInUseAsync(string url)
    {
        await Console.Error.WriteLineAsync(PortInUseMessage(url)).ConfigureAwait(false);
        return PortInUseExitCode;
    }

    /// <summary>
    /// True when a listener already holds the port of <paramref name="url"/> on the addresses Kestrel
    /// would bind: loopback for <c>localhost</c>, the address itself for an IP, every address otherwise.
    /// </summary>
    private static bool InUse(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false; // Kestrel reports it
        }

        if (address.IsUnixPipe || address.IsNamedPipe || address.Port == 0)
        {
            return false;
        }

        IPAddress[] ips = address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            ? [IPAddress.Loopback]
            : IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) ? [ip] : [IPAddress.Any];
        return ips.Any(i => Taken(i, address.Port));
    }

    private static bool Taken(IPAddress ip, int port)
    {
        try
        {
            using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            probe.Bind(new IPEndPoint(ip, port));
            probe.Listen();
            return false;
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode == SocketError.AddressAlreadyInUse;
        }
    }
}
