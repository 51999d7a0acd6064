using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Iskra.Server.Api;

/// <summary>
/// Names the OpenAPI document and declares how the API authenticates (SPEC §2.2): an HTTP bearer scheme
/// named <c>Bearer</c> (the API key), required by every operation under <c>/api</c>.
/// </summary>
public sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public const string Name = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info.Title = "Iskra operator API";
        document.Info.Description = "Stations, id tags, transactions, commands for OCPP 1.6 and 2.0.1 stations, raw OCPP calls, events. Guide: docs/api.md; command translations: docs/commands.md.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An Iskra API key: 'Authorization: Bearer <key>'. The first start prints an admin key; ISKRA_API_KEY sets one.",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] };
        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Security ??= [];
                operation.Security.Add(requirement);
            }
        }

        return Task.CompletedTask;
    }
}
