using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace Iskra.Ocpp.Tests.Schemas;

/// <summary>One official schema file of eng/schemas, with the action and message it describes.</summary>
public sealed record SchemaFile(OcppVersion Version, string FileName, string Action, bool IsRequest)
{
    private static readonly ConcurrentDictionary<string, Task<JsonSchema>> Oracles = new(StringComparer.Ordinal);

    public string FullPath => System.IO.Path.Combine(RepoRoot.FullPath, "eng", "schemas", Folder(Version), FileName);

    public string MessageName => Action + (IsRequest ? "Request" : "Response");

    public override string ToString() => $"{Version.DisplayName()} {FileName}";

    public static IReadOnlyList<SchemaFile> All(OcppVersion version)
    {
        var folder = System.IO.Path.Combine(RepoRoot.FullPath, "eng", "schemas", Folder(version));
        return [.. Directory.GetFiles(folder, "*.json")
            .Select(System.IO.Path.GetFileName)
            .Order(StringComparer.Ordinal)
            .Select(name => Parse(version, name!))];
    }

    public static SchemaFile Get(OcppVersion version, string fileName) => Parse(version, fileName);

    /// <summary>Every schema file of both versions as theory rows (version, file name).</summary>
    public static TheoryData<OcppVersion, string> Rows()
    {
        var rows = new TheoryData<OcppVersion, string>();
        foreach (var file in Both())
        {
            rows.Add(file.Version, file.FileName);
        }

        return rows;
    }

    public static IEnumerable<SchemaFile> Both() => All(OcppVersion.V16).Concat(All(OcppVersion.V201));

    public JsonObject Read() => (JsonObject)JsonNode.Parse(File.ReadAllText(FullPath))!;

    /// <summary>The independent oracle: NJsonSchema reading the official file.</summary>
    public Task<JsonSchema> OracleAsync() => Oracles.GetOrAdd(FullPath, path => JsonSchema.FromFileAsync(path));

    private static SchemaFile Parse(OcppVersion version, string fileName)
    {
        var name = System.IO.Path.GetFileNameWithoutExtension(fileName);
        if (name.EndsWith("Response", StringComparison.Ordinal))
        {
            return new(version, fileName, name[..^"Response".Length], IsRequest: false);
        }

        return version == OcppVersion.V16
            ? new(version, fileName, name, IsRequest: true)
            : new(version, fileName, name[..^"Request".Length], IsRequest: true);
    }

    private static string Folder(OcppVersion version) => version == OcppVersion.V16 ? "ocpp1.6" : "ocpp2.0.1";
}
