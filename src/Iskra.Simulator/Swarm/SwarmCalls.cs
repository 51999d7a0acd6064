namespace Iskra.Simulator.Swarm;

/// <summary>
/// One swarm station's calls awaiting their answer, by message id: added when sent, taken by the answer,
/// expired by the sweep (a timeout) or forgotten when the connection goes. Thread-safe.
/// </summary>
internal sealed class SwarmCalls(string stationId)
{
    private readonly Dictionary<int, SwarmPending> _pending = new(4);

    public int Count
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count;
            }
        }
    }

    public void Add(int messageId, SwarmPending call)
    {
        lock (_pending)
        {
            _pending[messageId] = call;
        }
    }

    /// <summary>Takes the call <paramref name="messageId"/> answers; false when unknown (answered after its timeout).</summary>
    public bool TryTake(int messageId, out SwarmPending call)
    {
        lock (_pending)
        {
            return _pending.Remove(messageId, out call);
        }
    }

    /// <summary>Drops a call that never went out; nobody counts it.</summary>
    public void Remove(int messageId)
    {
        lock (_pending)
        {
            _pending.Remove(messageId);
        }
    }

    /// <summary>Counts the call as a timeout if it is still waiting.</summary>
    public void Expire(int messageId)
    {
        lock (_pending)
        {
            if (_pending.Remove(messageId, out var p))
            {
                p.Stats.OnTimeout(stationId, p.Action);
            }
        }
    }

    /// <summary>Counts every call sent before <paramref name="timestamp"/> and still unanswered as a timeout.</summary>
    public void ExpireSentBefore(long timestamp)
    {
        lock (_pending)
        {
            foreach (var (messageId, p) in _pending)
            {
                if (p.Scheduled < timestamp)
                {
                    _pending.Remove(messageId);
                    p.Stats.OnTimeout(stationId, p.Action);
                    p.Done?.TrySetResult(false);
                }
            }
        }
    }

    /// <summary>Forgets calls that can no longer be answered; a waiting caller gets false.</summary>
    public void Forget()
    {
        lock (_pending)
        {
            foreach (var p in _pending.Values)
            {
                p.Done?.TrySetResult(false);
            }

            _pending.Clear();
        }
    }
}
