using Iskra.Csms.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iskra.Server.Transport;

/// <summary>Registers and maps the OCPP-J WebSocket endpoint.</summary>
public static class OcppTransportExtensions
{
    public static IServiceCollection AddOcppTransport(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OcppServerOptions>(configuration.GetSection(OcppServerOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<StationSessions>();
        services.AddSingleton<HandshakeGate>();
        services.AddSingleton<ReplacementThrottle>();
        services.AddSingleton<FloodBudgets>();
        services.AddSingleton<OcppEndpoint>();
        services.TryAddSingleton<StationClaims>(); // the host's Csms registers it first; a bare transport has no claims
        services.AddSingleton<StationCertificates>();

        // Every HTTPS endpoint lets any client certificate through the TLS handshake: StationCertificates
        // judges it against Ocpp:StationCaFile at admission, where a refusal is a recorded 401.
        services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureHttpsDefaults(static https =>
        {
            https.ClientCertificateValidation = static (_, _, _) => true;
            https.CheckCertificateRevocation = false;
        }));
        return services;
    }

    /// <summary>
    /// Maps <c>/ocpp/{**stationId}</c> with its own WebSocket middleware. On a <c>WebApplication</c>
    /// it also refuses raw paths under /ocpp/ that dot-segment normalization moved elsewhere
    /// (<c>/ocpp/..</c> would otherwise reach "/").
    /// </summary>
    public static IEndpointConventionBuilder MapOcpp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var endpoint = endpoints.ServiceProvider.GetRequiredService<OcppEndpoint>();
        if (endpoints is IApplicationBuilder app)
        {
            app.Use((context, next) =>
            {
                var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
                var underOcpp = raw is not null && raw.StartsWith(StationIds.PathPrefix, StringComparison.OrdinalIgnoreCase);
                if (underOcpp && !context.Request.Path.StartsWithSegments("/ocpp", StringComparison.OrdinalIgnoreCase))
                {
                    _ = StationIds.TryParseRawTarget(raw, out _, out var attempted);
                    return endpoint.RefuseBadPathAsync(context, attempted);
                }

                return next(context);
            });
        }

        var pipeline = endpoints.CreateApplicationBuilder();
        pipeline.UseWebSockets();
        pipeline.Run(endpoint.AcceptAsync);
        return endpoints.Map("/ocpp/{**stationId}", pipeline.Build()).WithDisplayName("OCPP-J");
    }
}
