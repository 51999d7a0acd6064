namespace Iskra.TestLab.Runner;

/// <summary>A station's call that a case expected: the typed request and the call it came in (for evidence).</summary>
public sealed record Received<TRequest>(TRequest Request, ReceivedCall Call);
