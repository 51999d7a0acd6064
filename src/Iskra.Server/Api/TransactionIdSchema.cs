using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Iskra.Server.Api;

/// <summary>
/// The OpenAPI schema of every <c>transactionId</c> the API shows (<see cref="Csms.Transactions.OcppTransactionId"/>):
/// SPEC §2.2 "the 1.6 integer or the 2.0.1 string", so <c>oneOf</c> an integer and a string (and null where there
/// may be none), where the views' <c>JsonElement</c> alone would say "any JSON". A document transformer, so that it
/// sees the schemas as generated, nullable wrapping included.
/// </summary>
public sealed class TransactionIdSchema : IOpenApiDocumentTransformer
{
    private const string Property = "transactionId";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var schema in document.Components?.Schemas?.Values ?? [])
        {
            if (schema.Properties is not { } properties || !properties.TryGetValue(Property, out var property) || !IsJsonElement(property))
            {
                continue;
            }

            var shape = new OpenApiSchema
            {
                Description = "The OCPP transactionId: the integer of an OCPP 1.6 transaction, the string of an OCPP 2.0.1 one.",
                OneOf =
                [
                    new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "OCPP 1.6" },
                    new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 36, Description = "OCPP 2.0.1" },
                ],
            };
            if (property.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true)
            {
                shape.OneOf.Add(new OpenApiSchema { Type = JsonSchemaType.Null });
            }

            properties[Property] = shape;
        }

        return Task.CompletedTask;
    }

    /// <summary>A <c>JsonElement</c> (a reference to its schema), possibly made nullable with <c>oneOf</c>.</summary>
    private static bool IsJsonElement(IOpenApiSchema schema) =>
        schema is OpenApiSchemaReference reference ? reference.Reference.Id == "JsonElement" : schema.OneOf?.Any(IsJsonElement) == true;
}
