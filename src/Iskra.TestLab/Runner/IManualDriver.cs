namespace Iskra.TestLab.Runner;

/// <summary>Performs manual steps without a person: the simulator's control API, for unattended runs.</summary>
public interface IManualDriver
{
    /// <summary>Performs <paramref name="action"/> on the station; false when the station cannot (the step is then "cannot do").</summary>
    Task<bool> PerformAsync(string stationId, ManualAction action, CancellationToken cancellationToken);
}
