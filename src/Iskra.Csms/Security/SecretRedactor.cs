using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iskra.Csms.Security;

/// <summary>
/// Replaces the values of write-only secrets (<see cref="SecretSettings"/>) in an OCPP payload, a whole
/// frame or a command body, by their shape, whatever the action:
/// <list type="bullet">
/// <item><c>{key, value}</c>: 1.6 ChangeConfiguration.req, GetConfiguration.conf <c>configurationKey[]</c>, the change-configuration body;</item>
/// <item><c>{component, variable, attributeValue}</c>: 2.0.1 SetVariables.req <c>setVariableData[]</c>, GetVariables.conf <c>getVariableResult[]</c>;</item>
/// <item><c>{component, variable, variableAttribute[].value}</c>: 2.0.1 NotifyReport.req <c>reportData[]</c>;</item>
/// <item><c>apnPassword</c>: 2.0.1 SetNetworkProfile.req <c>connectionData.apn</c>.</item>
/// </list>
/// </summary>
public static class SecretRedactor
{
    /// <summary>Replaced in place of a frame that names a secret-bearing action but is not valid JSON.</summary>
    public const string UnreadableFrame = "(not logged: a frame of an action that may carry a write-only secret, not valid JSON)";

    /// <summary>Replaces every secret value in <paramref name="node"/> in place; true when there was one.</summary>
    public static bool Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonArray array:
                var anyItem = false;
                foreach (var item in array)
                {
                    anyItem |= Redact(item);
                }

                return anyItem;
            case JsonObject obj:
                var any = RedactHere(obj);
                foreach (var (_, child) in obj)
                {
                    any |= Redact(child);
                }

                return any;
            default:
                return false;
        }
    }

    /// <summary>A copy of <paramref name="element"/> without secret values (the element itself when it has none).</summary>
    public static JsonElement Redact(JsonElement element)
    {
        if (element.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            return element;
        }

        var node = JsonNode.Parse(element.GetRawText());
        return Redact(node) ? JsonDocument.Parse(node!.ToJsonString()).RootElement.Clone() : element;
    }

    /// <summary>Whether <paramref name="element"/> carries a secret value.</summary>
    public static bool Contains(JsonElement element) =>
        element.ValueKind is JsonValueKind.Object or JsonValueKind.Array && Redact(JsonNode.Parse(element.GetRawText()));

    /// <summary>An OCPP-J frame without secret values.</summary>
    public static string RedactFrame(string frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(frame);
        }
        catch (JsonException)
        {
            return UnreadableFrame;
        }

        return Redact(node) ? node!.ToJsonString() : frame;
    }

    private static bool RedactHere(JsonObject obj)
    {
        var any = false;
        if (Text(obj["key"]) is { } key && obj["value"] is not null && SecretSettings.IsPasswordKey(key))
        {
            obj["value"] = SecretSettings.Redacted;
            any = true;
        }

        if (obj["component"] is JsonObject component && obj["variable"] is JsonObject variable
            && SecretSettings.IsSecretVariable(Text(component["name"]), Text(variable["name"])))
        {
            if (obj["attributeValue"] is not null)
            {
                obj["attributeValue"] = SecretSettings.Redacted;
                any = true;
            }

            foreach (var attribute in obj["variableAttribute"] as JsonArray ?? [])
            {
                if (attribute is JsonObject a && a["value"] is not null)
                {
                    a["value"] = SecretSettings.Redacted;
                    any = true;
                }
            }
        }

        if (obj["apnPassword"] is not null)
        {
            obj["apnPassword"] = SecretSettings.Redacted;
            any = true;
        }

        return any;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
