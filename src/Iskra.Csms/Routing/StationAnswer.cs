using System.Text.Json;

namespace Iskra.Csms.Routing;

/// <summary>A station's CALLRESULT that passed the response's schema: typed, and as the station sent it.</summary>
public sealed record StationAnswer<TResponse>(TResponse Response, JsonElement Raw);
