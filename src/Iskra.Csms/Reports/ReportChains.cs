using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Reports;

/// <summary>
/// Watches each station's 2.0.1 NotifyReport chain (B07.FR.xx/B08: parts numbered from seqNo 0, tbc=true
/// until the last). Every part is answered as usual; a chain that starts after seqNo 0, or that never
/// completes, is recorded as a <see cref="ReportChainProblem"/> station notice. "Never completes": another
/// requestId's chain starts while it is open (superseded), or no part came for
/// <see cref="CsmsOptions.ReportPartTimeout"/> after its latest one. One open chain per station, in
/// memory: a restart forgets open chains (a chain that continues after it is seen to start late).
/// </summary>
public sealed partial class ReportChains(NoticeService notices, IOptions<CsmsOptions> options, TimeProvider time, ILogger<ReportChains> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OpenChain> _open = new(StringComparer.Ordinal);

    /// <summary>Notes one part of a report; records a problem the part reveals before it returns.</summary>
    public async ValueTask PartAsync(string stationId, int requestId, int seqNo, bool toBeContinued, CancellationToken cancellationToken)
    {
        ReportChainProblem? superseded = null;
        ReportChainProblem? startedLate = null;
        lock (_lock)
        {
            var chain = _open.Remove(stationId, out var removed) ? removed : null;
            if (chain is not null && chain.RequestId != requestId)
            {
                chain.Timer.Dispose();
                superseded = new(chain.RequestId, chain.SeqNo, "superseded");
                chain = null;
            }

            if (chain is null && seqNo != 0)
            {
                startedLate = new(requestId, seqNo, null);
            }

            chain?.Timer.Dispose();
            if (toBeContinued)
            {
                var open = new OpenChain(requestId, seqNo);
                open.Timer = time.CreateTimer(_ => TimedOut(stationId, open), null, options.Value.ReportPartTimeout, Timeout.InfiniteTimeSpan);
                _open[stationId] = open;
            }
        }

        if (superseded is not null)
        {
            await RecordAsync(stationId, ReportChainProblem.Incomplete, superseded, cancellationToken).ConfigureAwait(false);
        }

        if (startedLate is not null)
        {
            await RecordAsync(stationId, ReportChainProblem.StartedLate, startedLate, cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var chain in _open.Values)
            {
                chain.Timer.Dispose();
            }

            _open.Clear();
        }
    }

    private void TimedOut(string stationId, OpenChain chain)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(stationId, out var open) || open != chain)
            {
                return; // a newer part came meanwhile
            }

            _open.Remove(stationId);
            chain.Timer.Dispose();
        }

        _ = RecordTimeoutAsync(stationId, new ReportChainProblem(chain.RequestId, chain.SeqNo, "timeout"));
    }

    private async Task RecordTimeoutAsync(string stationId, ReportChainProblem problem)
    {
        try
        {
            await RecordAsync(stationId, ReportChainProblem.Incomplete, problem, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogRecordFailed(logger, stationId, ex);
        }
    }

    private ValueTask RecordAsync(string stationId, string status, ReportChainProblem problem, CancellationToken cancellationToken) =>
        notices.RecordAsync(stationId, ReportChainProblem.Action, problem.RequestId, status, time.GetUtcNow(),
            JsonSerializer.Serialize(problem, CsmsJsonContext.Default.ReportChainProblem), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record the incomplete report of station {StationId}")]
    private static partial void LogRecordFailed(ILogger logger, string stationId, Exception exception);

    private sealed class OpenChain(int requestId, int seqNo)
    {
        public int RequestId { get; } = requestId;

        public int SeqNo { get; } = seqNo;

        public ITimer Timer { get; set; } = null!;
    }
}
