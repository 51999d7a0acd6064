using Iskra.Csms.Firmware;

namespace Iskra.Server.Api;

/// <summary>
/// An UpdateFirmware sent to a station, its current status and its history in the order things happened
/// (an answer stored after the station's first report is listed before it, <see cref="FirmwareUpdates.AnsweredAsync"/>).
/// <c>failure</c> says why a <c>Failed</c> / <c>NoAnswer</c> update got no answer.
/// </summary>
public sealed record FirmwareUpdateView(
    long Id, int? OcppRequestId, long? FirmwareId, string Location, DateTimeOffset RetrieveDate, DateTimeOffset? InstallDate,
    string Status, string? Failure, string Actor, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<FirmwareStatusView> History)
{
    public static FirmwareUpdateView From(FirmwareUpdate u)
    {
        ArgumentNullException.ThrowIfNull(u);
        return new(
            u.Id, u.RequestId, u.FirmwareImageId, u.Location, u.RetrieveDate, u.InstallDate, u.Status, u.Failure, u.Actor, u.CreatedAt, u.UpdatedAt,
            [.. u.History.OrderBy(h => h.At).ThenBy(h => h.Reported).ThenBy(h => h.Id).Select(h => new FirmwareStatusView(h.Status, h.At))]);
    }
}
