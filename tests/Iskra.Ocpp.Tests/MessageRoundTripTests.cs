using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Ocpp.Tests.Schemas;

namespace Iskra.Ocpp.Tests;

public sealed class MessageRoundTripTests
{
    public static TheoryData<OcppVersion, string> Files => SchemaFile.Rows();

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Every_message_round_trips_and_validates_against_the_official_schema(OcppVersion version, string fileName)
    {
        var file = SchemaFile.Get(version, fileName);
        var schema = file.Read();
        var oracle = await file.OracleAsync();
        var action = Catalogs.Find(version, file.Action);
        var typeInfo = file.IsRequest ? action.RequestType : action.ResponseType;
        var validate = file.IsRequest ? action.ValidateRequest : action.ValidateResponse;
        Assert.Equal(file.MessageName, typeInfo.Type.Name);

        for (var variant = 0; variant < SchemaSamples.VariantCount(schema); variant++)
        {
            var sample = SchemaSamples.Build(schema, variant);
            var text = sample.ToJsonString();
            Assert.Empty(oracle.Validate(text));
            using (var document = JsonDocument.Parse(text))
            {
                Assert.Null(validate(document.RootElement));
            }

            var message = JsonSerializer.Deserialize(text, typeInfo);
            Assert.IsType(typeInfo.Type, message);
            var written = JsonSerializer.Serialize(message, typeInfo);
            Assert.Empty(oracle.Validate(written));
            using (var document = JsonDocument.Parse(written))
            {
                Assert.Null(validate(document.RootElement));
            }

            JsonAssert.Equivalent(sample, JsonNode.Parse(written));
        }
    }
}
