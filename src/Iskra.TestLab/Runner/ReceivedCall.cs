using System.Text.Json;

namespace Iskra.TestLab.Runner;

/// <summary>A CALL the station sent during a run: its action, payload, when, and the index of its frame in the journal.</summary>
public sealed record ReceivedCall(int Index, string MessageId, string Action, JsonElement Payload, DateTimeOffset At, int FrameSeq)
{
    /// <summary>Taken by an expectation; a call is matched once.</summary>
    public bool Consumed { get; set; }
}
