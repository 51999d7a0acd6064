using Microsoft.AspNetCore.Http.Features;

namespace Iskra.Server.Api;

/// <summary>
/// Headers and limits for every response and every API request:
/// <c>X-Content-Type-Options: nosniff</c> on all responses (a browser never guesses a type from content);
/// under <c>/api</c>, <c>Cache-Control: no-store</c> (answers can carry a one-time secret: a generated
/// station password, a new API key) and a body limit of <see cref="RequestBodies.MaxBytes"/> enforced while
/// the body streams, so a chunked body without a length is refused with 413 before it is buffered.
/// Upload endpoints raise the limit for their own request (<see cref="UploadBodies"/>).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(static (context, next) =>
        {
            var api = context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
            if (api && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = RequestBodies.MaxBytes;
            }

            context.Response.OnStarting(static state =>
            {
                var (response, api) = ((HttpResponse, bool))state;
                response.Headers.XContentTypeOptions = "nosniff";
                if (api)
                {
                    response.Headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            }, (context.Response, api));
            return next(context);
        });
    }
}
