namespace Iskra.LabClient;

/// <summary>Iskra refused a request of the client; the message is for the terminal.</summary>
public sealed class LabClientException(string message) : Exception(message);
