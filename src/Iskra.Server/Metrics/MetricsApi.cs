using Iskra.Server.Auth;

namespace Iskra.Server.Metrics;

/// <summary>
/// <c>GET /metrics</c>: Prometheus text. SPEC §2.2 lets only <c>/health</c> and the OpenAPI document go
/// without a key, so a viewer key is needed unless <c>Metrics:Anonymous=true</c> (for scrapers on a trusted network).
/// </summary>
public static class MetricsApi
{
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<PrometheusExporter>(); // listening from the start, so histograms miss nothing
        var endpoint = app.MapGet("/metrics", ScrapeAsync).WithTags("Operations").WithName("Metrics")
            .WithSummary("Prometheus metrics (text format 0.0.4)")
            .WithDescription("Needs an API key (any role) unless Metrics:Anonymous is true. Series: see docs/metrics.md.")
            .Produces<string>(200, PrometheusExporter.ContentType);
        if (app.Configuration.GetValue<bool>("Metrics:Anonymous"))
        {
            endpoint.AllowAnonymous();
        }
        else
        {
            endpoint.RequireAuthorization(ApiPolicies.Viewer);
        }
    }

    private static async Task<IResult> ScrapeAsync(PrometheusExporter exporter, CancellationToken cancellationToken) =>
        Results.Text(await exporter.ScrapeAsync(cancellationToken).ConfigureAwait(false), PrometheusExporter.ContentType);
}
