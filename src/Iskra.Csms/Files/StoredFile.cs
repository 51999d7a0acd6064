namespace Iskra.Csms.Files;

/// <summary>A file written by <see cref="FileStore"/>: its name under the root, its size and its SHA-256 (lowercase hex).</summary>
public sealed record StoredFile(string Path, long Size, string Sha256);
