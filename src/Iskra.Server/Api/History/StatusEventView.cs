using Iskra.Csms.Stations;

namespace Iskra.Server.Api.History;

/// <summary>One StatusNotification as received (1.6: evseId = connectorId, connector 0 is the station itself).</summary>
public sealed record StatusEventView(
    long Id, int EvseId, int ConnectorId, string Status, string? ErrorCode, string? Info, string? VendorId, string? VendorErrorCode,
    DateTimeOffset Timestamp, DateTimeOffset ReceivedAt)
{
    public static StatusEventView From(StatusEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Id, e.EvseId, e.ConnectorId, e.Status, e.ErrorCode, e.Info, e.VendorId, e.VendorErrorCode, e.Timestamp, e.ReceivedAt);
    }
}
