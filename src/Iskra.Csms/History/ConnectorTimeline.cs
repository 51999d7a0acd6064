namespace Iskra.Csms.History;

/// <summary>One connector's <see cref="StatusSegment"/>s over a period (1.6 connector 0, the station itself, included).</summary>
public sealed record ConnectorTimeline(int EvseId, int ConnectorId, IReadOnlyList<StatusSegment> Segments)
{
    /// <summary>1.6 connector 0: the whole station's status, not a place to charge.</summary>
    public bool IsStation => EvseId == 0 && ConnectorId == 0;
}
