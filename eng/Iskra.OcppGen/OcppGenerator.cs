using System.Text;

namespace Iskra.OcppGen;

/// <summary>One output file: its path relative to the repository root and its text.</summary>
public sealed record GeneratedFile(string RelativePath, string Content);

/// <summary>
/// The generator's entry points: <see cref="Generate"/> computes every file from the schemas,
/// <see cref="Write"/> puts them under a root (the repository, or a temporary folder for the drift test).
/// </summary>
public static class OcppGenerator
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>All generated files of both versions, from <c>repoRoot/eng/schemas</c>, in a stable order.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(string repoRoot, ICollection<string>? warnings = null)
    {
        var schemasRoot = Path.Combine(repoRoot, "eng", "schemas");
        var files = new List<GeneratedFile>();
        foreach (var spec in VersionSpec.All)
        {
            var model = ModelBuilder.Build(schemasRoot, spec);
            foreach (var warning in model.Warnings)
            {
                warnings?.Add(warning);
            }

            files.AddRange(CodeEmitter.Emit(model));
        }

        return files;
    }

    /// <summary>
    /// Writes <paramref name="files"/> under <paramref name="outputRoot"/>, first deleting the
    /// <c>*.g.cs</c> files of the output folders so that a removed action leaves nothing behind.
    /// </summary>
    public static void Write(string outputRoot, IReadOnlyList<GeneratedFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var spec in VersionSpec.All)
        {
            var folder = Path.Combine(outputRoot, spec.OutputFolder);
            if (Directory.Exists(folder))
            {
                foreach (var stale in Directory.GetFiles(folder, "*.g.cs"))
                {
                    File.Delete(stale);
                }
            }
        }

        foreach (var file in files)
        {
            var path = Path.Combine(outputRoot, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content, Utf8NoBom);
        }
    }
}
