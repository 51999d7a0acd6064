namespace Iskra.Csms.Stations;

/// <summary>Decides whether a station may connect, and records the attempts that are refused.</summary>
public interface IStationAdmission
{
    ValueTask<AdmissionDecision> AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken);

    /// <summary>Stores a refused handshake (time, address, escaped station id, reason).</summary>
    ValueTask RecordRefusalAsync(string? stationId, string? remoteAddress, RefusalReason reason, CancellationToken cancellationToken);
}
