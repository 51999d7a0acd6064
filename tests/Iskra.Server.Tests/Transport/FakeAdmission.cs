using System.Collections.Concurrent;
using Iskra.Csms.Stations;

namespace Iskra.Server.Tests.Transport;

/// <summary>Stands for the CSMS admission: registered ids with their passwords (null = profile 0).</summary>
internal sealed class FakeAdmission : IStationAdmission
{
    public ConcurrentDictionary<string, string?> Stations { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string? StationId, RefusalReason Reason)> Refusals { get; } = new();

    public ConcurrentQueue<AdmissionRequest> Requests { get; } = new();

    /// <summary>Admit every syntactically valid id, as a demo mode would.</summary>
    public bool AdmitAll { get; set; }

    public ValueTask<AdmissionDecision> AdmitAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (AdmitAll)
        {
            return ValueTask.FromResult(AdmissionDecision.Admit);
        }

        if (!Stations.TryGetValue(request.StationId, out var password))
        {
            return ValueTask.FromResult(AdmissionDecision.Refuse(RefusalReason.UnknownStation));
        }

        var ok = password is null || (request.BasicUser == request.StationId && request.BasicPassword == password);
        return ValueTask.FromResult(ok ? AdmissionDecision.Admit : AdmissionDecision.Refuse(RefusalReason.BadCredentials));
    }

    public ValueTask RecordRefusalAsync(string? stationId, string? remoteAddress, RefusalReason reason, CancellationToken cancellationToken)
    {
        Refusals.Enqueue((stationId, reason));
        return ValueTask.CompletedTask;
    }
}
