using Iskra.Ocpp;

namespace Iskra.Server.Tests.Infrastructure;

/// <summary>Theory rows over OCPP versions and databases.</summary>
public static class Matrix
{
    public static TheoryData<OcppVersion> Versions => new(OcppVersion.V16, OcppVersion.V201);

    public static TheoryData<string, OcppVersion> ProvidersAndVersions => new()
    {
        { "sqlite", OcppVersion.V16 }, { "sqlite", OcppVersion.V201 }, { "postgres", OcppVersion.V16 }, { "postgres", OcppVersion.V201 },
    };
}
