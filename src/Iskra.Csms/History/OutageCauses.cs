namespace Iskra.Csms.History;

/// <summary>Why a connector could not charge (docs/history.md, "Availability").</summary>
public static class OutageCauses
{
    /// <summary>The station was not connected to Iskra.</summary>
    public const string StationOffline = "StationOffline";

    /// <summary>1.6: connector 0 (the whole station) reported Faulted.</summary>
    public const string StationFaulted = "StationFaulted";

    /// <summary>1.6: connector 0 (the whole station) reported Unavailable.</summary>
    public const string StationUnavailable = "StationUnavailable";

    /// <summary>The connector reported Faulted.</summary>
    public const string ConnectorFaulted = "ConnectorFaulted";

    /// <summary>The connector reported Unavailable.</summary>
    public const string ConnectorUnavailable = "ConnectorUnavailable";

    /// <summary>
    /// Why the segment is an outage, or null when the connector could charge (or its status is unknown). The station's
    /// connection comes first, then the station-wide status, then the connector's own.
    /// </summary>
    public static string? Of(StatusSegment segment) =>
        segment.Offline ? StationOffline
        : segment.StationStatus == "Faulted" ? StationFaulted
        : segment.StationStatus == "Unavailable" ? StationUnavailable
        : segment.Status == "Faulted" ? ConnectorFaulted
        : segment.Status == "Unavailable" ? ConnectorUnavailable
        : null;
}
