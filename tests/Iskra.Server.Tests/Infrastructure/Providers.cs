namespace Iskra.Server.Tests.Infrastructure;

/// <summary>The database providers every storage and end-to-end test runs on.</summary>
public static class Providers
{
    public static TheoryData<string> All => new("sqlite", "postgres");
}
