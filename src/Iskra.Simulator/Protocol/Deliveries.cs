using System.Text.Json;
using System.Text.Json.Nodes;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Protocol;

/// <summary>
/// Status notifications of long processes (firmware, log uploads) that must survive a short outage or a
/// reboot: each waits until the station is online, and is sent again when the link dropped it.
/// </summary>
internal static class Deliveries
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Sends one CALL and waits for its answer; null when it could not be delivered within a minute or was refused.</summary>
    public static async Task<JsonElement?> SendAsync(SimStation station, string action, Func<JsonObject> build, CancellationToken cancellationToken = default)
    {
        var deadline = station.Time.GetUtcNow() + Patience;
        while (true)
        {
            var connections = station.Connections;
            if (station.IsOnline && station.Outbox.Online)
            {
                var answer = await station.Outbox.Enqueue(new OutboundMessage(action, build, transactional: false)).Answered.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (answer is not null)
                {
                    return answer;
                }

                if (station.Outbox.Online && station.Connections == connections)
                {
                    station.Log.Note($"{action} was refused by the CSMS.");
                    return null; // answered with a CALLERROR or not at all: sending again would not help
                }
            }

            if (station.Time.GetUtcNow() >= deadline)
            {
                station.Log.Note($"{action} could not be delivered.");
                return null;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }
    }
}
