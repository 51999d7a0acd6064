using System.Text.Json.Nodes;
using Iskra.Ocpp;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>The station-initiated actions of both versions, from the generated catalogs, with their official request schemas.</summary>
public static class StationActions
{
    public static TheoryData<OcppVersion, string> Rows()
    {
        var rows = new TheoryData<OcppVersion, string>();
        foreach (var version in new[] { OcppVersion.V16, OcppVersion.V201 })
        {
            foreach (var action in OcppCatalogs.Actions(version).Where(a => a.Direction.HasFlag(OcppDirection.StationToCsms)))
            {
                rows.Add(version, action.Name);
            }
        }

        return rows;
    }

    public static JsonObject RequestSchema(OcppVersion version, string action) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(version == OcppVersion.V16
            ? Path.Combine(RepoRoot.Path, "eng", "schemas", "ocpp1.6", action + ".json")
            : Path.Combine(RepoRoot.Path, "eng", "schemas", "ocpp2.0.1", action + "Request.json")))!;
}
