using Iskra.Ocpp.V16.Messages;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Ocpp;

/// <summary>The generated action catalogs of both versions behind one lookup.</summary>
public static class OcppCatalogs
{
    public static IReadOnlyList<OcppAction> Actions(OcppVersion version) =>
        version == OcppVersion.V16 ? V16Catalog.Actions : V201Catalog.Actions;

    public static OcppAction? Find(OcppVersion version, string action) =>
        version == OcppVersion.V16 ? V16Catalog.Find(action) : V201Catalog.Find(action);

    public static OcppAction Get(OcppVersion version, string action) =>
        Find(version, action) ?? throw new ArgumentException($"{action} is not an OCPP {version.DisplayName()} action.", nameof(action));
}
