using Iskra.Server.Tests.Infrastructure;

namespace Iskra.Server.Tests.Simulator.Faults;

/// <summary>
/// Iskra on SQLite for the fault tests: the flood guard opened wide, and a 2-second call timeout so
/// a station that answers late (<see cref="Iskra.Simulator.Faults.StationFault.AnswersLate"/>) is a quick 504.
/// </summary>
public sealed class FaultServer : IAsyncLifetime
{
    public IskraServer Server { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Server = await IskraServer.StartAsync(await TestDatabase.CreateAsync("sqlite"), new Dictionary<string, string?>
        {
            ["Ocpp:CallTimeout"] = "00:00:02",
            ["Ocpp:MaxMessagesPerSecond"] = "100000",
            ["Ocpp:MessageBurst"] = "100000",
        });
    }

    public async ValueTask DisposeAsync() => await Server.DisposeAsync();
}
