using System.Globalization;
using System.Text;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Diagnostics;

/// <summary>
/// The file a station uploads: plain UTF-8 text, a short header, then one line per entry of the
/// station's log ("{time} {kind} {text}") between the requested times. A SecurityLog holds only the
/// security events sent and the protocol problems seen.
/// </summary>
internal static class DiagnosticsFile
{
    /// <summary>A file name for the upload: "{diagnostics|securitylog}-{station}-{UTC time}.log".</summary>
    public static string Name(SimStation station, string logType)
    {
        var kind = logType == "SecurityLog" ? "securitylog" : "diagnostics";
        return $"{kind}-{station.Id}-{station.Now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.log";
    }

    /// <summary>The entries of the log the file would hold.</summary>
    public static IReadOnlyList<StationLogEntry> Entries(SimStation station, DateTimeOffset? oldest, DateTimeOffset? latest, string logType) =>
        [.. station.Log.Entries.Where(e => (oldest is null || e.At >= oldest) && (latest is null || e.At <= latest)
            && (logType != "SecurityLog" || e.Kind == "problem" || e.Text.Contains("\"SecurityEventNotification\"", StringComparison.Ordinal)))];

    public static byte[] Build(SimStation station, UploadJob job)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Iskra simulator {job.LogType}: station {station.Id} ({station.Options.Vendor} {station.Options.Model}, firmware {station.FirmwareVersion}, OCPP {station.Version})\n");
        text.Append(CultureInfo.InvariantCulture, $"# from {job.Oldest?.ToString("O", CultureInfo.InvariantCulture) ?? "the start"} to {job.Latest?.ToString("O", CultureInfo.InvariantCulture) ?? "now"}\n");
        foreach (var entry in Entries(station, job.Oldest, job.Latest, job.LogType))
        {
            text.Append(CultureInfo.InvariantCulture, $"{entry.At.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.fff'Z'} {entry.Kind} {entry.Text}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
