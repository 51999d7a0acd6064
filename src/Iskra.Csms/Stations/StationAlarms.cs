using Iskra.Csms.Alarms;
using Iskra.Csms.Events;
using Iskra.Csms.Storage;

namespace Iskra.Csms.Stations;

/// <summary>Alarms that Iskra raises itself about a station's connection (source <see cref="Source"/>), stored and then announced.</summary>
public sealed class StationAlarms(StorageWriter writer, CsmsEvents feed, TimeProvider time)
{
    public const string Source = "Iskra";

    /// <summary>The station's connection keeps being replaced: two devices share its id and credentials, or one reconnects in a loop.</summary>
    public const string ConnectionFlipFlop = "ConnectionFlipFlop";

    public async Task RaiseAsync(string stationId, string code, string message, CancellationToken cancellationToken)
    {
        var alarm = new Alarm { StationId = stationId, Source = Source, Code = code, Message = message, RaisedAt = time.GetUtcNow() };
        await writer.WriteAsync(alarm, static (db, a, _) => { db.Alarms.Add(a); return ValueTask.FromResult(true); }, cancellationToken).ConfigureAwait(false);
        feed.Alarm(alarm);
    }
}
