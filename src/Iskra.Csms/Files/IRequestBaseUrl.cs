namespace Iskra.Csms.Files;

/// <summary>The scheme, host and path base of the HTTP request being served, if any (supplied by the host).</summary>
public interface IRequestBaseUrl
{
    /// <summary>E.g. <c>http://localhost:8180</c>; null outside a request.</summary>
    Uri? Current { get; }
}
