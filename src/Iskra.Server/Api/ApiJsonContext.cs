using System.Text.Json;
using System.Text.Json.Serialization;

namespace Iskra.Server.Api;

/// <summary>Source-generated JSON for the API's own types (camelCase, as SPEC §2.2 says).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(Dictionary<string, object>))]
[JsonSerializable(typeof(CommandResponse))]
[JsonSerializable(typeof(ItemPage<ApiKeyView>))]
[JsonSerializable(typeof(NewApiKey))]
[JsonSerializable(typeof(CreatedApiKey))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(EventMessage))]
[JsonSerializable(typeof(NewWebhook))]
[JsonSerializable(typeof(WebhookView))]
[JsonSerializable(typeof(ItemPage<WebhookView>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
