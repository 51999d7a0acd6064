using System.Diagnostics;
using System.Text.Json;
using Iskra.Ocpp;

namespace Iskra.Csms.Telemetry;

/// <summary>
/// Counts one connection's frames by action. A CALLRESULT or CALLERROR carries no action, so the
/// meter remembers the ids of the station's CALLs still to be answered (answered in order, OCPP-J
/// §4.1.1) and of our one outstanding CALL, whose answer also gives the call's latency.
/// </summary>
public sealed class ConnectionMeter(CsmsMetrics metrics, MessageCounts counts)
{
    private const int MaxRemembered = 64;
    private const int MaxActionLength = 64;

    private readonly Queue<(string MessageId, int Action)> _theirs = new();
    private (string MessageId, int Action, long Started)? _ours;

    /// <summary>Counts one frame; never throws (a frame that is not OCPP-J counts as Invalid).</summary>
    public void OnFrame(bool incoming, ReadOnlySpan<byte> utf8Frame)
    {
        try
        {
            Count(incoming, utf8Frame);
        }
        catch (JsonException)
        {
            counts.Count(incoming, 3, counts.Unknown);
        }
    }

    private void Count(bool incoming, ReadOnlySpan<byte> utf8Frame)
    {
        var reader = new Utf8JsonReader(utf8Frame);
        if (!TryReadHead(ref reader, out var type) || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            counts.Count(incoming, 3, counts.Unknown);
            return;
        }

        switch (type)
        {
            case 2:
                Call(ref reader, incoming);
                break;
            case 3 or 4:
                Answer(ref reader, incoming, type);
                break;
            default:
                counts.Count(incoming, 3, counts.Unknown);
                break;
        }
    }

    private void Call(ref Utf8JsonReader reader, bool incoming)
    {
        var messageId = reader.GetString()!;
        var action = ReadAction(ref reader);
        counts.Count(incoming, 0, action);
        lock (_theirs)
        {
            if (!incoming)
            {
                _ours = (messageId, action, Stopwatch.GetTimestamp());
            }
            else if (_theirs.Count < MaxRemembered)
            {
                _theirs.Enqueue((messageId, action));
            }
        }
    }

    private void Answer(ref Utf8JsonReader reader, bool incoming, int type)
    {
        var action = counts.Unknown;
        long started = 0;
        lock (_theirs)
        {
            if (incoming)
            {
                if (_ours is { } ours && reader.ValueTextEquals(ours.MessageId))
                {
                    (action, started) = (ours.Action, ours.Started);
                    _ours = null;
                }
            }
            else
            {
                // Our answers follow the station's CALLs in order: drop the ids before the match, which
                // were never answered. An answer matching none (to an unreadable frame) leaves the queue.
                var position = 0;
                foreach (var theirs in _theirs)
                {
                    if (reader.ValueTextEquals(theirs.MessageId))
                    {
                        for (var i = 0; i < position; i++)
                        {
                            _theirs.Dequeue();
                        }

                        action = _theirs.Dequeue().Action;
                        break;
                    }

                    position++;
                }
            }
        }

        counts.Count(incoming, type - 2, action);
        if (started != 0)
        {
            metrics.CallAnswered(counts.ActionName(action), counts.Version, Stopwatch.GetElapsedTime(started));
        }

        if (type == 4)
        {
            CallError(ref reader, incoming);
        }
    }

    private void CallError(ref Utf8JsonReader reader, bool incoming)
    {
        Span<char> code = stackalloc char[MaxActionLength];
        var length = -1;
        try
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= MaxActionLength)
            {
                length = reader.CopyString(code);
            }
        }
        catch (JsonException)
        {
            // the frame breaks off after its id: counted above, its code is unknown
        }

        metrics.CallError(length < 0 ? "unknown" : code[..length], incoming, counts.Version);
    }

    private int ReadAction(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueSpan.Length > MaxActionLength)
        {
            return counts.Unknown;
        }

        Span<char> action = stackalloc char[MaxActionLength];
        return counts.ActionIndex(action[..reader.CopyString(action)]);
    }

    private static bool TryReadHead(ref Utf8JsonReader reader, out int type)
    {
        type = 0;
        return reader.Read() && reader.TokenType == JsonTokenType.StartArray
            && reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out type);
    }
}
