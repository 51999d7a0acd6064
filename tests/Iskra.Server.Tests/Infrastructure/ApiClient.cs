using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Iskra.Csms.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>HTTP clients for the operator API of an <see cref="IskraServer"/>, holding an API key of a chosen role.</summary>
public static class ApiClient
{
    /// <summary>The admin key every test server is started with (as <c>ISKRA_API_KEY</c> would set it).</summary>
    public const string AdminKey = "isk_TESTADMNsecret-for-tests-only-0123456789abcdef";

    /// <summary>A client with the admin key.</summary>
    public static HttpClient Api(this IskraServer server) => server.Api(AdminKey);

    /// <summary>A client with <paramref name="key"/> (null: no Authorization header).</summary>
    public static HttpClient Api(this IskraServer server, string? key)
    {
        var client = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A client with a new key of <paramref name="role"/>.</summary>
    public static async Task<HttpClient> ApiAsync(this IskraServer server, ApiRole role)
    {
        var (_, secret) = await server.Services.GetRequiredService<ApiKeyService>().CreateAsync("test-" + role, role, "tests", CancellationToken.None);
        return server.Api(secret);
    }

    /// <summary>POSTs a raw JSON text (so tests can send exactly the bytes they mean).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    /// <summary>The response body as JSON, asserting the status first (showing the body when it differs).</summary>
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == expectedStatus, $"expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 7807 problem of <paramref name="expectedStatus"/> and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int expectedStatus)
    {
        var problem = await response.JsonAsync(expectedStatus);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedStatus, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static Task<T?> ReadAsync<T>(this HttpResponseMessage response) =>
        response.Content.ReadFromJsonAsync<T>(TestContext.Current.CancellationToken);
}
