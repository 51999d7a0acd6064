using System.Collections.Concurrent;

namespace Iskra.TestLab.Runner;

/// <summary>
/// What the lab knows of the station from its own messages during the run: each connector's last status,
/// the open transactions, the last boot. The suite keeps it up to date as calls arrive.
/// </summary>
public sealed class RunState
{
    private int _nextTransactionId = 1000;

    public ConcurrentDictionary<int, string> ConnectorStatus { get; } = new();

    /// <summary>Open transactions: id → connector.</summary>
    public ConcurrentDictionary<int, int> OpenTransactions { get; } = new();

    /// <summary>The last transaction id the lab gave per connector.</summary>
    public ConcurrentDictionary<int, int> LastTransaction { get; } = new();

    /// <summary>The heartbeat interval the lab gives in its BootNotification answers, in seconds.</summary>
    public int HeartbeatInterval { get; set; } = 60;

    /// <summary>When the lab last answered a BootNotification (null: none during the run).</summary>
    public DateTimeOffset? LastBootAt { get; set; }

    public int NextTransactionId() => Interlocked.Increment(ref _nextTransactionId);

    /// <summary>Allocates a transaction id for a transaction started on <paramref name="connector"/> and keeps it open.</summary>
    public int Started(int connector)
    {
        var id = NextTransactionId();
        OpenTransactions[id] = connector;
        LastTransaction[connector] = id;
        return id;
    }

    public string StatusOf(int connector) => ConnectorStatus.GetValueOrDefault(connector, "Unknown");
}
