using System.Text.Json;
using Iskra.Csms.Reports;

namespace Iskra.Server.Api.History;

/// <summary>One SecurityEventNotification (1.6 security extension, 2.0.1 A04): its type, the station's techInfo and time, and when Iskra received it.</summary>
public sealed record SecurityEventView(long Id, string StationId, string Type, string? TechInfo, DateTimeOffset? Timestamp, DateTimeOffset ReceivedAt)
{
    /// <summary>The OCPP action of the notices this view reads.</summary>
    public const string Action = "SecurityEventNotification";

    public static SecurityEventView From(StationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        string? techInfo = null;
        try
        {
            using var payload = JsonDocument.Parse(notice.Payload);
            if (payload.RootElement.ValueKind == JsonValueKind.Object && payload.RootElement.TryGetProperty("techInfo", out var info) && info.ValueKind == JsonValueKind.String)
            {
                techInfo = info.GetString();
            }
        }
        catch (JsonException)
        {
            // A payload that is not JSON has no techInfo to show.
        }

        return new(notice.Id, notice.StationId, notice.Status ?? "", techInfo, notice.Timestamp, notice.ReceivedAt);
    }
}
