using System.Text.Json;
using System.Text.RegularExpressions;
using Iskra.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Iskra.Server.Tests.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> (SPEC §2.2) describes the running app: every
/// endpoint under <c>/api</c>, found in the app's own routing table, with its method; it needs no key
/// and declares the Bearer API-key scheme.
/// </summary>
public sealed partial class OpenApiDocumentTests(SharedSqliteServer shared) : IClassFixture<SharedSqliteServer>
{
    private IskraServer Server => shared.Server;

    [Fact]
    public async Task Every_api_endpoint_is_in_the_document_with_its_method()
    {
        var document = await DocumentAsync();
        var documented = new HashSet<(string Method, string Path)>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                documented.Add((operation.Name.ToUpperInvariant(), Normalize(path.Name)));
            }
        }

        var endpoints = ApiEndpoints();
        Assert.NotEmpty(endpoints);
        Assert.Contains(("GET", "/api/events"), endpoints);
        Assert.Contains(("POST", "/api/webhooks"), endpoints);
        var missing = endpoints.Where(e => !documented.Contains(e)).Select(e => $"{e.Method} {e.Path}").ToList();
        Assert.True(missing.Count == 0, "Not in /openapi/v1.json: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task The_document_needs_no_key_and_declares_the_bearer_scheme_on_every_api_operation()
    {
        var document = await DocumentAsync();
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));

        var operations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var security = operation.Value.GetProperty("security");
                Assert.True(security.EnumerateArray().Any(r => r.TryGetProperty("Bearer", out _)), $"{operation.Name} {path.Name} does not require Bearer");
            }
        }

        Assert.True(operations >= ApiEndpoints().Count);
        var health = document.GetProperty("paths").GetProperty("/health").GetProperty("get");
        Assert.False(health.TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Every_api_operation_has_a_name_a_summary_and_a_tag()
    {
        var document = await DocumentAsync();
        var bare = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith("/api/", StringComparison.Ordinal)))
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var o = operation.Value;
                if (!o.TryGetProperty("operationId", out _) || !o.TryGetProperty("summary", out _) || !o.TryGetProperty("tags", out var tags) || tags.GetArrayLength() == 0)
                {
                    bare.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
                }
            }
        }

        Assert.True(bare.Count == 0, "Give these .WithName/.WithSummary/.WithTags: " + string.Join(", ", bare));
    }

    [Fact]
    public async Task Every_transactionId_the_api_shows_is_an_integer_or_a_string()
    {
        var document = await DocumentAsync();
        var found = new List<string>();
        foreach (var schema in document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            if (schema.Value.TryGetProperty("properties", out var properties) && properties.TryGetProperty("transactionId", out var property))
            {
                found.Add(schema.Name);
                var types = property.TryGetProperty("oneOf", out var oneOf) ? oneOf.EnumerateArray().Select(s => s.TryGetProperty("type", out var t) ? t.ToString() : "").ToList() : [];
                Assert.True(types.Contains("integer") && types.Contains("string"), $"{schema.Name}.transactionId: {property}"); // SPEC §2.2: the 1.6 integer or the 2.0.1 string
            }
        }

        Assert.Contains("TransactionView", found);
    }

    /// <summary>The document, fetched without any key (asserting 200: it is anonymous).</summary>
    private async Task<JsonElement> DocumentAsync()
    {
        using var anonymous = Server.Api(null);
        var response = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var document = await response.JsonAsync(200);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        return document;
    }

    /// <summary>Every (method, route) under /api in the running app's routing table.</summary>
    private HashSet<(string Method, string Path)> ApiEndpoints()
    {
        var endpoints = new HashSet<(string, string)>();
        foreach (var endpoint in Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (!pattern.StartsWith("/api/", StringComparison.Ordinal))
            {
                continue;
            }

            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
            Assert.True(methods is { Count: > 0 }, $"{pattern} accepts any method: give it one");
            foreach (var method in methods)
            {
                endpoints.Add((method, Normalize(pattern)));
            }
        }

        return endpoints;
    }

    /// <summary>A route as OpenAPI writes it: no constraints, defaults or catch-all stars, no trailing slash.</summary>
    private static string Normalize(string route) =>
        Parameter().Replace(route, m => "{" + m.Groups["name"].Value + "}").TrimEnd('/');

    [GeneratedRegex(@"\{\*{0,2}(?<name>[A-Za-z0-9_]+)[^}]*\}")]
    private static partial Regex Parameter();
}
