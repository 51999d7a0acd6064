using Iskra.Csms.Stations;

namespace Iskra.Server.Api;

/// <summary>One connector's live status (1.6: evseId = connectorId, connector 0 is the station itself).</summary>
public sealed record ConnectorView(int ConnectorId, int EvseId, string Status, string? ErrorCode)
{
    public static ConnectorView From(Connector connector)
    {
        ArgumentNullException.ThrowIfNull(connector);
        return new(connector.ConnectorId, connector.EvseId, connector.Status, connector.ErrorCode);
    }
}
