using System.Text.Json;

namespace Iskra.Csms.Events;

/// <summary>
/// Something an operator watches: a station connected, a status changed, a transaction started, a
/// command answered. <see cref="Type"/> is a dotted name (see <see cref="CsmsEventTypes"/>);
/// <see cref="Data"/> is the event's JSON body, owned by the event.
/// </summary>
public sealed record CsmsEvent(long Sequence, string Type, string? StationId, DateTimeOffset Timestamp, JsonElement Data);
