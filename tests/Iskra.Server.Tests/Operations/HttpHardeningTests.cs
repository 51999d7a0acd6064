using System.Net.Sockets;
using System.Text;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Operations;

/// <summary>Response headers that keep browsers and caches from mishandling API answers, and the JSON body cap.</summary>
public sealed class HttpHardeningTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task Answers_that_carry_a_one_time_secret_are_never_stored_and_no_answer_is_sniffed()
    {
        var api = Server.Api();
        var station = await api.PostJsonAsync("/api/stations", """{"id":"hdr-1"}""");
        await station.JsonAsync(201);
        var key = await api.PostJsonAsync("/api/api-keys", """{"name":"hdr-key","role":"viewer"}""");
        await key.JsonAsync(201);
        var list = await api.GetAsync(new Uri("/api/stations", UriKind.Relative), TestContext.Current.CancellationToken);
        var problem = await api.GetAsync(new Uri("/api/stations/nobody-here", UriKind.Relative), TestContext.Current.CancellationToken);
        var health = await Server.Api(null).GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var response in new[] { station, key, list, problem })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage?.RequestUri}: Cache-Control {response.Headers.CacheControl}");
        }

        Assert.Equal("nosniff", Assert.Single(health.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/api/webhooks")]
    [InlineData("/api/api-keys")]
    [InlineData("/api/stations/nobody/commands/reset")]
    public async Task A_chunked_json_body_over_1_MiB_is_refused_with_413_before_it_ends(string path)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Server.BaseUri.Host, Server.BaseUri.Port, TestContext.Current.CancellationToken);
        var stream = tcp.GetStream();
        var head = $"POST {path} HTTP/1.1\r\nHost: {Server.BaseUri.Authority}\r\nAuthorization: Bearer {ApiClient.AdminKey}\r\n"
            + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        var prefix = Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n");
        var crlf = "\r\n"u8.ToArray();
        var reading = ReadStatusLineAsync(stream);
        try
        {
            // 1.25 MiB of chunks and then nothing more: the body never ends, so only a cap applied while it streams can answer.
            for (var i = 0; i < 20 && !reading.IsCompleted; i++)
            {
                await stream.WriteAsync(prefix, TestContext.Current.CancellationToken);
                await stream.WriteAsync(chunk, TestContext.Current.CancellationToken);
                await stream.WriteAsync(crlf, TestContext.Current.CancellationToken);
            }
        }
        catch (IOException)
        {
            // The server may close the connection once it has answered.
        }

        Assert.StartsWith("HTTP/1.1 413", await reading.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static async Task<string> ReadStatusLineAsync(NetworkStream stream)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, TestContext.Current.CancellationToken) == 1 && one[0] != '\n')
        {
            line.Append((char)one[0]);
        }

        return line.ToString().TrimEnd('\r');
    }
}
