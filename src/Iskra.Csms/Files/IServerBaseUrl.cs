namespace Iskra.Csms.Files;

/// <summary>The address the server itself listens on, as stations could reach it (supplied by the host).</summary>
public interface IServerBaseUrl
{
    /// <summary>E.g. <c>http://localhost:8180</c>; null when the server listens only on a wildcard address (0.0.0.0, [::]) or not yet.</summary>
    Uri? Current { get; }
}
