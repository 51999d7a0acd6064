using Iskra.Csms.Storage;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.StationProblem"/> (2.0.1 N07/N08): a NotifyEvent of a component's Problem variable turning true
/// opens the alarm of its EVSE and connector, with the station's tech code and info; Problem turning false clears it.
/// </summary>
public static class StationProblemRule
{
    public static async ValueTask<AlarmChange?> ApplyAsync(
        AlarmBook book, IskraDbContext db, string stationId, ProblemReport report, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (report.Variable != "Problem")
        {
            return null;
        }

        var key = new AlarmKey(stationId, report.EvseId, report.ConnectorId, AlarmKinds.StationProblem);
        if (!string.Equals(report.ActualValue, "true", StringComparison.OrdinalIgnoreCase))
        {
            return await book.ClearAsync(db, key, now, ct).ConfigureAwait(false);
        }

        var options = book.Options.StationProblem;
        if (!options.Enabled)
        {
            return null;
        }

        var code = report.TechCode ?? report.Component + ".Problem";
        var message = $"{AlarmText.Place(key)} reports a problem of {report.Component} ({code}) since {AlarmText.Time(report.Timestamp)}"
            + (string.IsNullOrEmpty(report.TechInfo) ? "" : $": {report.TechInfo}");
        return await book.RaiseAsync(db, new AlarmSignal(key, options.Severity, "NotifyEvent", code, message), now, ct).ConfigureAwait(false);
    }
}

/// <summary>The parts of a NotifyEvent record that the problem rule reads.</summary>
public readonly record struct ProblemReport(
    int? EvseId, int? ConnectorId, string Component, string Variable, string ActualValue, string? TechCode, string? TechInfo, DateTimeOffset Timestamp);
