using System.Text.Json;
using Iskra.Ocpp.Rpc;

namespace Iskra.Simulator.Stations;

/// <summary>
/// The station's outgoing CALLs in order. While connected they go out one at a time; while offline
/// transaction messages wait (1.6 §4.10 / 2.0.1 E04) and everything else is dropped, since the station
/// reports its current state again after reconnecting. A transaction message answered with a
/// CALLERROR is retried TransactionMessageAttempts times, RetryInterval × attempt apart (1.6 §4.10, 2.0.1 E13).
/// </summary>
internal sealed class Outbox(SimStation station) : IDisposable
{
    private readonly LinkedList<OutboundMessage> _queue = new();
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _signal = new(0);
    private bool _online;

    /// <summary>Transaction messages waiting to be delivered.</summary>
    public int PendingTransactionMessages
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count(m => m.Transactional);
            }
        }
    }

    /// <summary>Messages waiting to be delivered, of any kind.</summary>
    public int Pending
    {
        get
        {
            lock (_lock)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Messages flow (the boot was accepted on the current connection); non-transaction messages are dropped otherwise.</summary>
    public bool Online
    {
        get
        {
            lock (_lock)
            {
                return _online;
            }
        }
    }

    public OutboundMessage Enqueue(OutboundMessage message)
    {
        lock (_lock)
        {
            if (!_online && !message.Transactional)
            {
                message.Complete(null);
                return message;
            }

            _queue.AddLast(message);
        }

        _signal.Release();
        return message;
    }

    /// <summary>Marks the link up (messages flow) or down (non-transaction messages are dropped).</summary>
    public void SetOnline(bool online)
    {
        List<OutboundMessage> dropped = [];
        lock (_lock)
        {
            _online = online;
            if (!online)
            {
                for (var node = _queue.First; node is not null;)
                {
                    var next = node.Next;
                    if (!node.Value.Transactional)
                    {
                        dropped.Add(node.Value);
                        _queue.Remove(node);
                    }

                    node = next;
                }
            }
        }

        dropped.ForEach(m => m.Complete(null));
        _signal.Release();
    }

    /// <summary>Forgets every queued transaction message (the DropsQueuedTransactionMessages fault).</summary>
    public int DropTransactionMessages()
    {
        List<OutboundMessage> dropped;
        lock (_lock)
        {
            dropped = [.. _queue.Where(m => m.Transactional)];
            foreach (var message in dropped)
            {
                _queue.Remove(message);
            }
        }

        dropped.ForEach(m => m.Complete(null));
        return dropped.Count;
    }

    /// <summary>Sends queued messages over <paramref name="channel"/> until it closes or <paramref name="cancellationToken"/> fires.</summary>
    public async Task PumpAsync(RpcChannel channel, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && channel.IsOpen)
        {
            OutboundMessage? head;
            lock (_lock)
            {
                head = _queue.First?.Value;
            }

            if (head is null)
            {
                await _signal.WaitAsync(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
                continue;
            }

            if (!await SendAsync(channel, head, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Sends one message; false when the connection is gone (the message stays if it must).</summary>
    private async Task<bool> SendAsync(RpcChannel channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        var payload = message.Build();
        if (payload is null)
        {
            Remove(message, null);
            return true;
        }

        try
        {
            var element = station.Wire.Outgoing(message.Action, payload);
            var answer = await channel.CallAsync(message.Action, element, station.Options.CallTimeout, cancellationToken).ConfigureAwait(false);
            try
            {
                message.OnAnswer?.Invoke(answer);
            }
            catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                // An answer without what the station needs (e.g. no transactionId): it was delivered all the same.
                station.Log.Note($"The answer to {message.Action} could not be read: {ex.Message}");
            }

            Remove(message, answer);
            return true;
        }
        catch (OcppCallErrorException) when (message.Transactional)
        {
            message.FailedAttempts++;
            var attempts = station.Configuration.GetInt("TransactionMessageAttempts", 3);
            if (message.FailedAttempts >= Math.Max(1, attempts))
            {
                Remove(message, null);
                return true;
            }

            var interval = TimeSpan.FromSeconds(station.Configuration.GetInt("TransactionMessageRetryInterval", 10) * message.FailedAttempts);
            await Task.Delay(interval, station.Time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OcppCallErrorException)
        {
            Remove(message, null);
            return true;
        }
        catch (OcppCallTimeoutException)
        {
            // No answer: a transaction message is sent again (the CSMS may see it twice); others are dropped.
            if (!message.Transactional)
            {
                Remove(message, null);
            }

            return true;
        }
        catch (StationDisconnectedException)
        {
            return false;
        }
    }

    public void Dispose() => _signal.Dispose();

    private void Remove(OutboundMessage message, JsonElement? answer)
    {
        lock (_lock)
        {
            _queue.Remove(message);
        }

        message.Complete(answer);
    }
}
