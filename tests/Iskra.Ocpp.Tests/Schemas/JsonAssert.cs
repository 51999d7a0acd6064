using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Ocpp.Json;

namespace Iskra.Ocpp.Tests.Schemas;

/// <summary>
/// JSON equality for round trips: same properties and items, numbers equal as decimals
/// (<c>1.50</c> = <c>1.5</c>), date-times equal as instants.
/// </summary>
public static class JsonAssert
{
    public static void Equivalent(JsonNode? expected, JsonNode? actual)
    {
        var difference = Difference(expected, actual, "$");
        Assert.True(difference is null, $"{difference}\nexpected: {expected?.ToJsonString()}\nactual:   {actual?.ToJsonString()}");
    }

    private static decimal Number(JsonValue value) =>
        decimal.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string? Difference(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected, actual)
        {
            case (null, null):
                return null;
            case (JsonObject e, JsonObject a):
                var missing = e.Select(p => p.Key).Except(a.Select(p => p.Key)).Concat(a.Select(p => p.Key).Except(e.Select(p => p.Key)));
                if (missing.FirstOrDefault() is { } name)
                {
                    return $"{path}.{name} is only on one side";
                }

                return e.Select(p => Difference(p.Value, a[p.Key], $"{path}.{p.Key}")).FirstOrDefault(d => d is not null);
            case (JsonArray e, JsonArray a):
                return e.Count != a.Count
                    ? $"{path} has {a.Count} items, expected {e.Count}"
                    : e.Select((item, i) => Difference(item, a[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.Number && a.GetValueKind() == JsonValueKind.Number:
                return Number(e) == Number(a) ? null : $"{path}: {a} != {e}";
            case (JsonValue e, JsonValue a) when e.GetValueKind() == JsonValueKind.String && a.GetValueKind() == JsonValueKind.String:
                var (es, @as) = (e.GetValue<string>(), a.GetValue<string>());
                if (es == @as)
                {
                    return null;
                }

                return OcppDateTime.TryParse(es, true, out var ed) && OcppDateTime.TryParse(@as, true, out var ad) && ed == ad
                    ? null
                    : $"{path}: \"{@as}\" != \"{es}\"";
            default:
                return JsonNode.DeepEquals(expected, actual) ? null : $"{path}: {actual?.ToJsonString()} != {expected?.ToJsonString()}";
        }
    }
}
