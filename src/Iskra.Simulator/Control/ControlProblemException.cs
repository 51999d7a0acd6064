namespace Iskra.Simulator.Control;

/// <summary>A request the control API refuses: answered as an RFC 7807 problem with this status.</summary>
public sealed class ControlProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public ProblemBody ToBody() => new(TypeFor(Status), Title, Status, Message);

    public static ControlProblemException BadRequest(string detail) => new(400, "Invalid request", detail);

    public static ControlProblemException NotFound(string detail) => new(404, "Not found", detail);

    public static ControlProblemException Conflict(string detail) => new(409, "Not possible now", detail);

    /// <summary>The RFC 9110 section of the status, as ASP.NET Core's problems name it.</summary>
    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        405 => "https://tools.ietf.org/html/rfc9110#section-15.5.6",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
