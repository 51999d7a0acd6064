using Iskra.Csms.Diagnostics;

namespace Iskra.Server.Api;

/// <summary>
/// A get-diagnostics request: where the station was told to upload, and the latest status it gave.
/// <c>failure</c> says why a <c>Failed</c> / <c>NoAnswer</c> request got no answer.
/// </summary>
public sealed record UploadRequestView(
    long Id, int? OcppRequestId, string Kind, string? LogType, string Location, string Status, string? Failure, string? FileName,
    string Actor, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static UploadRequestView From(UploadRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.RequestId, r.Kind, r.LogType, r.Location, r.Status, r.Failure, r.FileName, r.Actor, r.CreatedAt, r.UpdatedAt);
    }
}
