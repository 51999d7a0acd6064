namespace Iskra.Ocpp.Tests.Schemas;

/// <summary>The repository root: the first folder above the test binaries that holds Iskra.slnx.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Iskra.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Iskra.slnx above {AppContext.BaseDirectory}.");
    });

    public static string FullPath => Root.Value;
}
