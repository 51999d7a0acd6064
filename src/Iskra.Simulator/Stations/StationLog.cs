using System.Text;
using Iskra.Ocpp.Rpc;

namespace Iskra.Simulator.Stations;

/// <summary>
/// The station's recent traffic and happenings (a ring of the last entries), for the control API,
/// the CLI and tests. It is also the channel's observer, so every frame is seen as it went on the wire.
/// </summary>
public sealed class StationLog(TimeProvider time, int capacity = 500) : IRpcObserver
{
    private readonly Queue<StationLogEntry> _entries = new();
    private readonly Lock _lock = new();
    private long _sequence;

    /// <summary>Raised after an entry is added (on the station's own threads; keep it short).</summary>
    public event Action<StationLogEntry>? Added;

    public IReadOnlyList<StationLogEntry> Entries
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public void Note(string text) => Add("note", text);

    void IRpcObserver.OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame) =>
        Add(direction == RpcFrameDirection.Outgoing ? "sent" : "received", Encoding.UTF8.GetString(utf8Frame));

    void IRpcObserver.OnProtocolProblem(string description) => Add("problem", description);

    void IRpcObserver.OnHandlerFailed(RpcCall request, Exception exception) => Add("problem", $"{request.Action} failed: {exception.Message}");

    private void Add(string kind, string text)
    {
        StationLogEntry entry;
        lock (_lock)
        {
            entry = new StationLogEntry(++_sequence, time.GetUtcNow(), kind, text);
            _entries.Enqueue(entry);
            while (_entries.Count > capacity)
            {
                _entries.Dequeue();
            }
        }

        Added?.Invoke(entry);
    }
}

/// <summary>One log entry: "sent"/"received" frames, "note" for the station's own happenings, "problem".</summary>
public sealed record StationLogEntry(long Sequence, DateTimeOffset At, string Kind, string Text);
