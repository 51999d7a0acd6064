using Iskra.Csms.Storage;

namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.ConnectorFaulted"/>: a StatusNotification with status Faulted or an error code other than
/// NoError opens the connector's alarm, with the station's code and vendor text; the next one without either clears it.
/// </summary>
public static class ConnectorFaultRule
{
    public static async ValueTask<AlarmChange?> ApplyAsync(
        AlarmBook book, IskraDbContext db, string stationId, ConnectorReport report, DateTimeOffset since, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(book);
        var key = new AlarmKey(stationId, report.EvseId, report.ConnectorId, AlarmKinds.ConnectorFaulted);
        var error = report.ErrorCode is { } code && code != "NoError" ? code : null;
        if (error is null && report.Status != "Faulted")
        {
            return await book.ClearAsync(db, key, now, ct).ConfigureAwait(false);
        }

        var options = book.Options.ConnectorFaulted;
        if (!options.Enabled)
        {
            return null;
        }

        var vendor = string.Join(' ', new[] { report.VendorId, report.VendorErrorCode, report.Info }.Where(x => !string.IsNullOrEmpty(x)));
        var what = error ?? "Faulted";
        var message = $"{AlarmText.Place(key)} reports {what} since {AlarmText.Time(since)}" + (vendor.Length > 0 ? $" ({vendor})" : "");
        return await book.RaiseAsync(db, new AlarmSignal(key, options.Severity, "StatusNotification", what, message), now, ct).ConfigureAwait(false);
    }
}
