using Microsoft.Extensions.Options;

namespace Iskra.Server.Webhooks;

/// <summary>Registers webhook delivery: options (section <c>Webhooks</c>), the guarded HTTP client, the outbox's webhook channel and the dispatcher.</summary>
public static class WebhookRegistration
{
    public static IServiceCollection AddIskraWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration("Webhooks");
        services.AddSingleton(sp => new WebhookDestinations(sp.GetRequiredService<IOptions<WebhookOptions>>().Value.AllowedNetworks));
        services.AddSingleton<WebhookConnector>();
        services.AddHttpClient(WebhookChannel.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseProxy = false, // a proxy would connect in our place, past the address check
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = sp.GetRequiredService<WebhookConnector>().ConnectAsync,
            });
        services.AddSingleton<WebhookChannel>();
        services.AddSingleton<Iskra.Csms.Notifications.IDeliveryChannel>(sp => sp.GetRequiredService<WebhookChannel>());
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }
}
