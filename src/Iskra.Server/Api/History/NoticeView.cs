using System.Text.Json;
using Iskra.Csms.Reports;

namespace Iskra.Server.Api.History;

/// <summary>One station notice: whose it is, the action (an OCPP action, or Iskra's own such as ReportChainProblem), its request id, status, time and the stored payload.</summary>
public sealed record NoticeView(long Id, string StationId, string Action, int? RequestId, string? Status, DateTimeOffset? Timestamp, DateTimeOffset ReceivedAt, JsonElement? Payload)
{
    public static NoticeView From(StationNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        JsonElement? payload;
        try
        {
            payload = JsonElement.Parse(notice.Payload);
        }
        catch (JsonException)
        {
            payload = null;
        }

        return new(notice.Id, notice.StationId, notice.Action, notice.RequestId, notice.Status, notice.Timestamp, notice.ReceivedAt, payload);
    }
}
