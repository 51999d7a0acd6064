namespace Iskra.Csms.Integration.Passive;

/// <summary>
/// Where a <see cref="StationWatch"/> reports: <see cref="PassiveFindings"/> for the fleet (tallies, the
/// station's findings in storage), or a lab run, which makes each finding one of the running case. Called on the
/// connection's answer loop (and by the fleet's sweep); a sighting is rare next to the messages, so a sink may
/// take a lock, but the watch never waits for storage.
/// </summary>
public interface IPassiveSink
{
    /// <summary>One sighting of <paramref name="check"/>; true when the finding should be built and handed to <see cref="Store"/> now.</summary>
    bool Sighted(StationWatch watch, string check, DateTimeOffset now);

    /// <summary>A finding just sighted (<see cref="Sighted"/> said so); its <see cref="Finding.Check"/> names the check.</summary>
    void Store(StationWatch watch, Finding finding, DateTimeOffset now);

    /// <summary>The watch's connection (or run) ended.</summary>
    void Closed(StationWatch watch);
}
