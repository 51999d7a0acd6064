using System.Text;
using Iskra.Csms.Integration;
using Iskra.Csms.Security;
using Iskra.Ocpp.Rpc;

namespace Iskra.TestLab.Runner;

/// <summary>
/// Everything a station sent and got during a run, in order: every frame (the evidence, secrets redacted)
/// and every CALL it made. Written by the connection's loop, read by the case; one lock guards both.
/// </summary>
public sealed class RunJournal(TimeProvider time)
{
    private readonly List<EvidenceFrame> _frames = [];
    private readonly List<ReceivedCall> _calls = [];
    private readonly SecretFrames _secrets = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int FrameCount
    {
        get
        {
            lock (_gate)
            {
                return _frames.Count;
            }
        }
    }

    public void OnFrame(RpcFrameDirection direction, ReadOnlySpan<byte> utf8Frame)
    {
        var incoming = direction == RpcFrameDirection.Incoming;
        var text = Encoding.UTF8.GetString(utf8Frame);
        if (_secrets.MayCarrySecret(incoming, utf8Frame))
        {
            text = SecretRedactor.RedactFrame(text);
        }

        lock (_gate)
        {
            _frames.Add(new EvidenceFrame(time.GetUtcNow(), incoming, text));
        }
    }

    /// <summary>Records a CALL of the station; its frame is the last incoming one (the channel observes before it dispatches).</summary>
    public ReceivedCall Add(RpcCall call)
    {
        TaskCompletionSource arrived;
        ReceivedCall received;
        lock (_gate)
        {
            var seq = _frames.FindLastIndex(f => f.FromStation);
            received = new ReceivedCall(_calls.Count, call.MessageId, call.Action, call.Payload.Clone(), time.GetUtcNow(), seq);
            _calls.Add(received);
            arrived = _arrived;
            _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrived.TrySetResult();
        return received;
    }

    /// <summary>The first unconsumed call from <paramref name="from"/> on that matches, marked consumed; else null and a task that completes at the next call.</summary>
    public ReceivedCall? Take(int from, Func<ReceivedCall, bool> match, out Task next)
    {
        lock (_gate)
        {
            next = _arrived.Task;
            for (var i = Math.Max(0, from); i < _calls.Count; i++)
            {
                var call = _calls[i];
                if (!call.Consumed && match(call))
                {
                    call.Consumed = true;
                    return call;
                }
            }

            return null;
        }
    }

    public int CallCount
    {
        get
        {
            lock (_gate)
            {
                return _calls.Count;
            }
        }
    }

    /// <summary>The calls from index <paramref name="from"/> on.</summary>
    public IReadOnlyList<ReceivedCall> CallsFrom(int from)
    {
        lock (_gate)
        {
            return _calls.Skip(from).ToList();
        }
    }

    /// <summary>The frames with index in [<paramref name="from"/>, <paramref name="to"/>), at most <paramref name="max"/> (the last ones).</summary>
    public IReadOnlyList<EvidenceFrame> Frames(int from, int to, int max = 12)
    {
        lock (_gate)
        {
            to = Math.Min(to, _frames.Count);
            from = Math.Max(Math.Max(0, from), to - max);
            return from >= to ? [] : _frames.GetRange(from, to - from);
        }
    }

    /// <summary>The frame of <paramref name="call"/> and the CSMS's answer to it.</summary>
    public IReadOnlyList<EvidenceFrame> FramesOf(ReceivedCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_gate)
        {
            if (call.FrameSeq < 0 || call.FrameSeq >= _frames.Count)
            {
                return [];
            }

            var found = new List<EvidenceFrame> { _frames[call.FrameSeq] };
            var answer = $"[3,\"{call.MessageId}\"";
            var error = $"[4,\"{call.MessageId}\"";
            for (var i = call.FrameSeq + 1; i < _frames.Count && i < call.FrameSeq + 20; i++)
            {
                var f = _frames[i];
                if (!f.FromStation && (f.Frame.StartsWith(answer, StringComparison.Ordinal) || f.Frame.StartsWith(error, StringComparison.Ordinal)))
                {
                    found.Add(f);
                    break;
                }
            }

            return found;
        }
    }

    /// <summary>Every frame of the run, for storage.</summary>
    public IReadOnlyList<EvidenceFrame> AllFrames()
    {
        lock (_gate)
        {
            return [.. _frames];
        }
    }
}
