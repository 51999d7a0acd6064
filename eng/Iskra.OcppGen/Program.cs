using Iskra.OcppGen;

// Usage: dotnet run --project eng/Iskra.OcppGen -- <repoRoot>
var repoRoot = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
if (!File.Exists(Path.Combine(repoRoot, "Iskra.slnx")))
{
    await Console.Error.WriteLineAsync($"{repoRoot} is not the repository root (no Iskra.slnx).");
    return 2;
}

var warnings = new List<string>();
var files = OcppGenerator.Generate(repoRoot, warnings);
OcppGenerator.Write(repoRoot, files);
foreach (var warning in warnings)
{
    await Console.Error.WriteLineAsync("warning: " + warning);
}

Console.WriteLine($"Wrote {files.Count} files.");
return 0;
