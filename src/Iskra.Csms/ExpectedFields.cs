using System.Text.Json;

namespace Iskra.Csms;

/// <summary>
/// The one rule for the JSON object bodies of the operator API, commands and resources alike (SPEC §2.2):
/// every field must be one the body takes, so a typo (<c>connector</c> for <c>connectorId</c>) is a 400 that
/// names it and lists the fields expected, never a field silently ignored while the rest is acted on.
/// Names are compared exactly, as the API's camelCase JSON spells them.
/// </summary>
public static class ExpectedFields
{
    /// <summary>The first field of <paramref name="body"/> not in <paramref name="expected"/>; null when there is none or the body is no object.</summary>
    public static string? FirstUnknown(JsonElement body, IReadOnlyCollection<string> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in body.EnumerateObject())
        {
            if (!expected.Contains(property.Name, StringComparer.Ordinal))
            {
                return property.Name;
            }
        }

        return null;
    }

    /// <summary>What to tell the client about <paramref name="field"/>: its name (clipped to 40 characters) and the fields expected.</summary>
    public static string Describe(string field, IReadOnlyCollection<string> expected)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(expected);
        var name = field.Length <= 40 ? field : field[..40];
        return expected.Count == 0
            ? $"Unknown field '{name}'; this body takes no fields."
            : $"Unknown field '{name}'; expected: {string.Join(", ", expected)}.";
    }
}
