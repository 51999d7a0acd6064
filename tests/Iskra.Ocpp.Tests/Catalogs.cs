using Iskra.Ocpp.V16.Messages;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Ocpp.Tests;

/// <summary>The generated catalog of a version.</summary>
internal static class Catalogs
{
    public static IReadOnlyList<OcppAction> Actions(OcppVersion version) =>
        version == OcppVersion.V16 ? V16Catalog.Actions : V201Catalog.Actions;

    public static OcppAction Find(OcppVersion version, string action) =>
        (version == OcppVersion.V16 ? V16Catalog.Find(action) : V201Catalog.Find(action))
        ?? throw new InvalidOperationException($"{action} is not in the {version.DisplayName()} catalog.");
}
