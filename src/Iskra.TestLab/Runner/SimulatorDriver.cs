using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Iskra.TestLab.Runner;

/// <summary>
/// Performs manual steps through a simulator's control API (docs/simulator.md), so a run against
/// simulated stations needs nobody. The API has no authentication, so only a loopback address is accepted,
/// and that is checked before any connection is made.
/// </summary>
public sealed class SimulatorDriver(HttpClient http, Uri controlUrl) : IManualDriver
{
    /// <summary>Checks that <paramref name="url"/> is an http URL on loopback; the error says why not.</summary>
    public static string? Refusal(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
        {
            return "simulatorControlUrl must be an absolute http:// URL of a simulator's control API";
        }

        var loopback = uri.IsLoopback && (uri.HostNameType != UriHostNameType.Dns || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase));
        if (!loopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && !IPAddress.IsLoopback(address)))
        {
            return $"simulatorControlUrl must be on loopback (127.0.0.0/8, [::1] or localhost); '{uri.Host}' is not: the control API has no authentication";
        }

        return null;
    }

    public async Task<bool> PerformAsync(string stationId, ManualAction action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var station = $"stations/{Uri.EscapeDataString(stationId)}/";
        var connector = $"{station}connectors/{action.Connector ?? 1}/";
        switch (action.Kind)
        {
            case ManualKind.PowerCycle:
                return await PostAsync(station + "power-cut", null, cancellationToken).ConfigureAwait(false)
                    && await PostAsync(station + "power-restore", null, cancellationToken).ConfigureAwait(false);
            case ManualKind.PresentCard:
                return await PostAsync(connector + "card", new JsonObject { ["idTag"] = action.IdTag }, cancellationToken).ConfigureAwait(false);
            default:
                var path = action.Kind switch
                {
                    ManualKind.PlugIn => connector + "plug",
                    ManualKind.Unplug => connector + "unplug",
                    ManualKind.Fault => connector + "fault",
                    ManualKind.ClearFault => connector + "clear-fault",
                    ManualKind.SuspendEv => connector + "suspend",
                    ManualKind.PlugInHalfway => connector + "plug-halfway",
                    ManualKind.JamLock => connector + "jam-lock",
                    ManualKind.FreeLock => connector + "free-lock",
                    ManualKind.PowerCut => station + "power-cut",
                    ManualKind.PowerRestore => station + "power-restore",
                    ManualKind.NetworkDown => station + "network-down",
                    ManualKind.NetworkUp => station + "network-up",
                    _ => throw new ArgumentOutOfRangeException(nameof(action), action.Kind, "no simulator act for this step"),
                };
                return await PostAsync(path, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> PostAsync(string path, JsonObject? body, CancellationToken cancellationToken)
    {
        using var content = JsonContent.Create(body ?? [], LabJsonContext.Default.JsonObject);
        using var response = await http.PostAsync(new Uri(controlUrl, path), content, cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode; // 409: the act is impossible in the station's state ("cannot do")
    }
}
