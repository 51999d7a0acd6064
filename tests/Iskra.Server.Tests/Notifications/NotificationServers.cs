using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Notifications;

/// <summary>An <see cref="SmtpSink"/> and one Iskra server per database whose e-mail goes to it (plain SMTP on loopback).</summary>
public sealed class NotificationServers : IAsyncLifetime
{
    public const string From = "iskra@iskra.test";

    private readonly Dictionary<string, IskraServer> _servers = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public SmtpSink Smtp { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Smtp = await SmtpSink.StartAsync();

    /// <summary>The server on <paramref name="provider"/>, started on first use.</summary>
    public async Task<IskraServer> OnAsync(string provider)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_servers.TryGetValue(provider, out var server))
            {
                server = await IskraServer.StartAsync(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?>
                {
                    ["Notifications:Smtp:Host"] = "127.0.0.1",
                    ["Notifications:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Notifications:Smtp:Security"] = "None",
                    ["Notifications:Smtp:From"] = "Iskra <" + From + ">",
                    ["Notifications:Smtp:TimeoutSeconds"] = "10",
                    ["Notifications:PublicBaseUrl"] = "https://iskra.test",
                    ["Notifications:DigestCheckInterval"] = "00:00:00.200",
                    ["Webhooks:AllowedNetworks:0"] = "127.0.0.0/8",
                    ["Ocpp:MaxMessagesPerSecond"] = "100000",
                    ["Ocpp:MessageBurst"] = "100000",
                });
                _servers[provider] = server;
            }

            return server;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        _gate.Dispose();
    }
}
