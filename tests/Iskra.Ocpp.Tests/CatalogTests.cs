using Iskra.Ocpp.Tests.Schemas;
using Iskra.Ocpp.V16.Messages;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Ocpp.Tests;

public sealed class CatalogTests
{
    [Theory]
    [InlineData(OcppVersion.V16, 39, 13)]
    [InlineData(OcppVersion.V201, 64, 24)]
    public void The_catalog_holds_every_action_of_the_version(OcppVersion version, int actions, int stationToCsms)
    {
        var catalog = Catalogs.Actions(version);

        Assert.Equal(actions, catalog.Count);
        Assert.Equal(actions, catalog.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(stationToCsms, catalog.Count(a => a.Direction == OcppDirection.StationToCsms));
        Assert.All(catalog, a => Assert.Equal(version, a.Version));
        Assert.Equal(catalog.Select(a => a.Name).Order(StringComparer.Ordinal), catalog.Select(a => a.Name));
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public void Every_schema_file_is_covered_by_exactly_one_catalog_entry(OcppVersion version)
    {
        var files = SchemaFile.All(version);
        var catalog = Catalogs.Actions(version);

        Assert.Equal(catalog.Count * 2, files.Count);
        foreach (var file in files)
        {
            var action = Catalogs.Find(version, file.Action);
            var typeInfo = file.IsRequest ? action.RequestType : action.ResponseType;
            Assert.Equal(file.MessageName, typeInfo.Type.Name);
        }
    }

    [Theory]
    [InlineData(OcppVersion.V16)]
    [InlineData(OcppVersion.V201)]
    public void Every_action_has_type_info_and_validators_for_request_and_response(OcppVersion version)
    {
        foreach (var action in Catalogs.Actions(version))
        {
            Assert.NotNull(action.RequestType);
            Assert.NotNull(action.ResponseType);
            Assert.NotNull(action.RequestType.Options.TypeInfoResolver);
            Assert.Equal(action.Name + "Request", action.RequestType.Type.Name);
            Assert.Equal(action.Name + "Response", action.ResponseType.Type.Name);
            Assert.NotNull(action.ValidateRequest);
            Assert.NotNull(action.ValidateResponse);
        }
    }

    [Fact]
    public void Find_is_exact_and_case_sensitive()
    {
        Assert.Same(V16Catalog.Actions[1], V16Catalog.Find(V16Catalog.Actions[1].Name));
        Assert.Null(V16Catalog.Find("bootnotification"));
        Assert.Null(V16Catalog.Find("TransactionEvent"));
        Assert.NotNull(V201Catalog.Find("TransactionEvent"));
        Assert.Null(V201Catalog.Find("StartTransaction"));
    }

    [Theory]
    [InlineData(OcppVersion.V16, "BootNotification", OcppDirection.StationToCsms)]
    [InlineData(OcppVersion.V16, "SignedFirmwareStatusNotification", OcppDirection.StationToCsms)]
    [InlineData(OcppVersion.V16, "RemoteStartTransaction", OcppDirection.CsmsToStation)]
    [InlineData(OcppVersion.V16, "DataTransfer", OcppDirection.Both)]
    [InlineData(OcppVersion.V201, "TransactionEvent", OcppDirection.StationToCsms)]
    [InlineData(OcppVersion.V201, "RequestStartTransaction", OcppDirection.CsmsToStation)]
    [InlineData(OcppVersion.V201, "DataTransfer", OcppDirection.Both)]
    public void Actions_carry_who_calls_them(OcppVersion version, string action, OcppDirection direction) =>
        Assert.Equal(direction, Catalogs.Find(version, action).Direction);
}
