using Microsoft.Extensions.Options;

namespace Iskra.Server.Webhooks;

/// <summary>Registers webhook delivery: options (section <c>Webhooks</c>), the guarded HTTP client, the sender and the dispatcher.</summary>
public static class WebhookRegistration
{
    public static IServiceCollection AddIskraWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        services.AddSingleton(sp => new WebhookDestinations(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowedNetworks));
        services.AddSingleton<WebhookConnector>();
        services.AddHttpClient(WebhookSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false, // a proxy would connect in our place, past the address check
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = sp.GetRequiredService<WebhookConnector>().ConnectAsync,
            });
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
