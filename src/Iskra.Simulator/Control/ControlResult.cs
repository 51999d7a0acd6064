using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Iskra.Simulator.Control;

/// <summary>A control API answer: a status and a JSON body written with its source-generated type info.</summary>
internal sealed class ControlResult(int status, Func<Stream, CancellationToken, Task> write, string contentType = "application/json")
{
    public int Status { get; } = status;

    public string ContentType { get; } = contentType;

    public Task WriteAsync(Stream body, CancellationToken cancellationToken) => write(body, cancellationToken);

    public static ControlResult Json<T>(T value, JsonTypeInfo<T> typeInfo, int status = 200) =>
        new(status, (body, ct) => JsonSerializer.SerializeAsync(body, value, typeInfo, ct));

    public static ControlResult Problem(ControlProblemException problem) =>
        new(problem.Status, (body, ct) => JsonSerializer.SerializeAsync(body, problem.ToBody(), ControlJsonContext.Default.ProblemBody, ct), "application/problem+json");
}
