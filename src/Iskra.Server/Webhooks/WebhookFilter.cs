using Iskra.Csms.Events;
using Iskra.Csms.Webhooks;

namespace Iskra.Server.Webhooks;

/// <summary>Which events one webhook wants: of its station (or every station) and of its types (or every type).</summary>
internal sealed class WebhookFilter
{
    private readonly string? _stationId;
    private readonly HashSet<string>? _types;

    public WebhookFilter(Webhook webhook)
    {
        Id = webhook.Id;
        _stationId = webhook.StationId;
        var types = webhook.EventTypes();
        _types = types.Count == 0 ? null : new HashSet<string>(types, StringComparer.Ordinal);
    }

    public long Id { get; }

    public bool Wants(CsmsEvent e) =>
        (_stationId is null || string.Equals(_stationId, e.StationId, StringComparison.Ordinal)) && (_types is null || _types.Contains(e.Type));
}
