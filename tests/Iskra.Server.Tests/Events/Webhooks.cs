using System.Text.Json;
using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Events;

/// <summary>Webhook calls of the API as a test makes them.</summary>
public static class Webhooks
{
    /// <summary>GET of a relative <paramref name="path"/>, cancellable by the test.</summary>
    public static Task<HttpResponseMessage> Get(this HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>DELETE of a relative <paramref name="path"/>, cancellable by the test.</summary>
    public static Task<HttpResponseMessage> Delete(this HttpClient client, string path) =>
        client.DeleteAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

    /// <summary>Creates a webhook from <paramref name="json"/> and returns its view (asserting 201).</summary>
    public static async Task<JsonElement> CreateWebhookAsync(this IskraServer server, string json)
    {
        var response = await server.Api().PostJsonAsync("/api/webhooks", json);
        var view = await response.JsonAsync(201);
        Assert.Equal($"/api/webhooks/{view.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        return view;
    }

    /// <summary>Reads webhook <paramref name="id"/> until <paramref name="done"/> holds (delivery status is recorded just after the receiver answers).</summary>
    public static async Task<JsonElement> WebhookWhenAsync(this IskraServer server, long id, Func<JsonElement, bool> done)
    {
        JsonElement view = default;
        for (var i = 0; i < 300; i++)
        {
            view = await (await server.Api().Get($"/api/webhooks/{id}")).JsonAsync(200);
            if (done(view))
            {
                return view;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Webhook {id} never reached the expected state: {view}");
        return view;
    }
}
