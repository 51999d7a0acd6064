namespace Iskra.Server.Tests.Infrastructure;

/// <summary>The repository root: the folder above the test binaries that holds Iskra.slnx.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Iskra.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Iskra.slnx not found above " + AppContext.BaseDirectory);
    }
}
