using System.Net;
using System.Net.Sockets;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Operations;

/// <summary>The real server process on a port another program already holds.</summary>
public sealed class PortInUseTests
{
    [Fact]
    public async Task A_busy_port_is_one_line_naming_the_port_and_how_to_choose_another_with_exit_code_2()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;
        var database = await TestDatabase.CreateAsync("sqlite");

        var (exitCode, output) = await ServerProcess.RunToExitAsync(
            database.ConnectionString, ["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string> { ["ISKRA_API_KEY"] = ApiClient.AdminKey });

        Assert.Equal(2, exitCode);
        var line = Assert.Single(output, l => l.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        Assert.Contains("already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.DoesNotContain(output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)); // no stack trace
        Assert.DoesNotContain(output, l => l.Contains("Exception", StringComparison.Ordinal));
    }
}
