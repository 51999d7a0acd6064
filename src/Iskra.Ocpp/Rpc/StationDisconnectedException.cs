namespace Iskra.Ocpp.Rpc;

/// <summary>The station's connection is closed, or closed while our CALL waited for its answer.</summary>
public sealed class StationDisconnectedException : Exception
{
    public StationDisconnectedException()
        : base("The station is not connected.")
    {
    }

    public StationDisconnectedException(string message)
        : base(message)
    {
    }

    public StationDisconnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
