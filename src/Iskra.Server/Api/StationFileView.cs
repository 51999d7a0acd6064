namespace Iskra.Server.Api;

/// <summary>A file a station uploaded: <c>requestId</c> is the id of its upload request, <c>status</c> that request's latest status.</summary>
public sealed record StationFileView(long Id, long RequestId, string Kind, string FileName, long Size, string Sha256, DateTimeOffset ReceivedAt, string Status);
