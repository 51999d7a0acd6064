namespace Iskra.Csms.Alarms.Rules;

/// <summary>
/// <see cref="AlarmKinds.ConnectionFlipFlop"/>: the transport throttled connections that kept replacing each other (two
/// devices share the station's id and credentials, or one reconnects in a loop). It clears after
/// <c>Alarms:ConnectionFlipFlop:ClearAfter</c> without another throttled replacement (<see cref="QuietAlarms"/>).
/// </summary>
public static class ConnectionFlipFlopRule
{
    public static async Task RaiseAsync(AlarmBook book, string stationId, string? remoteAddress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        var options = book.Options.ConnectionFlipFlop;
        if (options.Enabled)
        {
            var message = $"{stationId}: connections keep replacing each other (latest from {remoteAddress} at {AlarmText.Time(book.Now)}); two devices may share this id";
            await book.RaiseAsync(AlarmSignal.Iskra(AlarmKey.Station(stationId, AlarmKinds.ConnectionFlipFlop), options.Severity, message), cancellationToken).ConfigureAwait(false);
        }
    }
}
