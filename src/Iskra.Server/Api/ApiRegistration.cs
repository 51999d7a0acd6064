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
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiProblems>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicies.Viewer, p => p.RequireRole(ApiPolicies.Viewer))
            .AddPolicy(ApiPolicies.Operator, p => p.RequireRole(ApiPolicies.Operator))
            .AddPolicy(ApiPolicies.Admin, p => p.RequireRole(ApiPolicies.Admin));
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecurityScheme>());
        return services;
    }

    public static void MapIskraApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi().AllowAnonymous();

        var api = app.MapGroup("/api").RequireAuthorization(ApiPolicies.Viewer);
        CommandsApi.Map(api);
        ApiKeysApi.Map(api);
        EventsApi.Map(api);
        WebhooksApi.Map(api);
    }
}
