using System.Text.Json;
using Iskra.Ocpp.Tests.Schemas;

namespace Iskra.Ocpp.Tests;

public sealed class ValidatorMutationTests
{
    public static TheoryData<OcppVersion, string> Files => SchemaFile.Rows();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_mutation_gets_its_OCPP_error_code_and_the_official_schema_rejects_it_too(OcppVersion version, string fileName)
    {
        var file = SchemaFile.Get(version, fileName);
        var schema = file.Read();
        var oracle = await file.OracleAsync();
        var action = Catalogs.Find(version, file.Action);
        var validate = file.IsRequest ? action.ValidateRequest : action.ValidateResponse;

        var mutations = SchemaMutations.All(schema, SchemaSamples.Build(schema));
        var failures = new List<string>();
        foreach (var mutation in mutations)
        {
            var text = mutation.Payload.ToJsonString();
            using var document = JsonDocument.Parse(text);
            var error = validate(document.RootElement);
            if (error is null || error.Code != mutation.Code || error.Path != mutation.Path)
            {
                failures.Add($"{mutation}: expected {mutation.Code} at {mutation.Path}, got {error?.Code.ToString() ?? "no error"} at {error?.Path}");
            }

            if (mutation.OracleRejects && oracle.Validate(text).Count == 0)
            {
                failures.Add($"{mutation}: the official schema accepts it");
            }
        }

        Assert.NotEmpty(mutations);
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }
}
