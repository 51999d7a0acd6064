using Iskra.Simulator.Stations;

namespace Iskra.Server.Tests.Simulator.Offline;

/// <summary>Taking a charging station off the network at a moment when none of its transaction messages is in flight.</summary>
public static class OfflineStations
{
    /// <summary>
    /// Pauses periodic sampling, waits until the CSMS has answered every transaction message, drops the
    /// network and resumes sampling. A message in flight at the drop would be sent again after the
    /// reconnect (at-least-once), which is not what the exactly-once tests look at.
    /// </summary>
    public static async Task GoOfflineAsync(this SimStation station)
    {
        var interval = station.Configuration.GetInt("MeterValueSampleInterval", 60);
        station.Configuration.SetInternal("MeterValueSampleInterval", "0");
        await station.WaitUntilAsync(s => s.QueuedTransactionMessages == 0, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await station.NetworkDownAsync();
        await station.WaitUntilAsync(s => !s.IsConnected, TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        station.Configuration.SetInternal("MeterValueSampleInterval", interval.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Brings the network back and waits until the station is online and every queued message has gone.</summary>
    public static async Task BackOnlineAsync(this SimStation station)
    {
        await station.NetworkUpAsync();
        await station.WaitUntilAsync(s => s.IsOnline, TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await station.SettleAsync();
    }
}
