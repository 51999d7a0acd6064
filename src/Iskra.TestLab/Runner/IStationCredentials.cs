namespace Iskra.TestLab.Runner;

/// <summary>
/// What the security cases need of Iskra itself: the security profile the station is registered with (what Iskra
/// demands when it connects), and its Basic-auth password: a new one the lab gives the station is accepted as an
/// operator's rotation is (kept beside the current one until the station's first login with it, 1.6 security A01).
/// </summary>
public interface IStationCredentials
{
    /// <summary>The security profile Iskra admits the station with (0: none, 1/2: Basic auth, 3: client certificate).</summary>
    Task<int> RegisteredProfileAsync(CancellationToken cancellationToken);

    /// <summary>Makes Iskra admit the station with <paramref name="password"/> from its next connection on.</summary>
    Task AcceptPasswordAsync(string password, CancellationToken cancellationToken);

    /// <summary>True once the station has logged in with <paramref name="password"/> (it replaced the previous one).</summary>
    Task<bool> LoggedInWithAsync(string password, CancellationToken cancellationToken);
}
