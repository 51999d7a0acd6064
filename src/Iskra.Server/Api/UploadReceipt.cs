namespace Iskra.Server.Api;

/// <summary>What a station that uploaded a file is told: the file's id, the (sanitized) name it is kept under, its size and SHA-256.</summary>
public sealed record UploadReceipt(long Id, string FileName, long Size, string Sha256);
