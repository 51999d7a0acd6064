using System.Text.Json;
using System.Text.Json.Nodes;

namespace Iskra.Server.Tests.Commands;

/// <summary>Compares JSON by value (property order and spacing do not matter).</summary>
internal static class JsonAssert
{
    public static void Equal(string expected, JsonElement actual) =>
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual.GetRawText())),
            $"expected {expected}\n  actual {actual.GetRawText()}");
}
