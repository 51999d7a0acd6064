namespace Iskra.Ocpp;

/// <summary>Subprotocol names and display names of <see cref="OcppVersion"/>.</summary>
public static class OcppVersions
{
    public const string Subprotocol16 = "ocpp1.6";
    public const string Subprotocol201 = "ocpp2.0.1";

    public static string Subprotocol(this OcppVersion version) =>
        version == OcppVersion.V16 ? Subprotocol16 : Subprotocol201;

    /// <summary>"1.6" or "2.0.1", as the API shows it.</summary>
    public static string DisplayName(this OcppVersion version) =>
        version == OcppVersion.V16 ? "1.6" : "2.0.1";

    public static bool TryParseSubprotocol(string? subprotocol, out OcppVersion version)
    {
        switch (subprotocol)
        {
            case Subprotocol16:
                version = OcppVersion.V16;
                return true;
            case Subprotocol201:
                version = OcppVersion.V201;
                return true;
            default:
                version = default;
                return false;
        }
    }
}
