using Iskra.Csms.Routing;
using Iskra.Server.Auth;
using Iskra.Server.Transport;
using Microsoft.AspNetCore.Authentication;

namespace Iskra.Server.Api;

/// <summary>The operator REST API: API-key auth with roles, problem details, source-generated JSON, OpenAPI, and every <c>&lt;Resource&gt;Api</c>.</summary>
public static class ApiRegistration
{
    public static IServiceCollection AddIskraApi(this IServiceCollection services)
    {
        services.AddSingleton<IStationChannels>(sp => sp.GetRequiredService<StationSessions>());
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, Iskra.TestLab.Runner.LabJsonContext.Default);
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiProblems>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Viewer, p => p.RequireRole(ApiPolicies.Viewer))
            .AddPolicy(ApiPolicies.Operator, p => p.RequireRole(ApiPolicies.Operator))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireRole(ApiPolicies.Admin));
        services.AddSingleton<Iskra.Csms.Files.IServerBaseUrl, ListenBaseUrl>();
        services.AddSingleton<Metrics.PrometheusExporter>();
        services.AddSingleton<EventStreamSlots>();
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>().AddDocumentTransformer<TransactionIdSchema>());
        return services;
    }

    public static void MapIskraApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();
        PublicFilesApi.Map(app); // stations: /files/..., no API key, token in the URL

        var api = app.MapGroup("/api").RequireAuthorization(ApiPolicies.Viewer);
        CommandsApi.Map(api);
        StationPasswordApi.Map(api);
        ConfigurationApi.Map(api);
        ApiKeysApi.Map(api);
        ChargingProfilesApi.Map(api);
        ReservationsApi.Map(api);
        LocalListApi.Map(api);
        FilesApi.Map(api);
        FirmwareApi.Map(api);
        StationsApi.Map(api);
        ConnectionAttemptsApi.Map(api);
        MessagesApi.Map(api);
        History.HistoryApi.Map(api);
        IdTagsApi.Map(api);
        TransactionsApi.Map(api);
        Billing.TariffsApi.Map(api);
        Billing.CdrsApi.Map(api);
        Alarms.AlarmsApi.Map(api);
        FindingsApi.Map(api);
        AuditApi.Map(api);
        Metrics.MetricsApi.Map(app);
        EventsApi.Map(api);
        WebhooksApi.Map(api);
        Notifications.DeliveriesApi.Map(api);
        Notifications.SubscriptionsApi.Map(api);
        TestLabApi.Map(api);
        CatalogApi.Map(api);
    }
}
