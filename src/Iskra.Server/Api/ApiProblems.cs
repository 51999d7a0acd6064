using Iskra.Csms.RemoteControl;
using Iskra.Csms.Security;
using Iskra.Ocpp.Rpc;
using Iskra.Server.Transport;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Iskra.Server.Api;

/// <summary>
/// The one mapping from what went wrong to an RFC 7807 response (STYLE "Errors — one place each"):
/// refused commands, the station's CALLERROR or an answer that violates the response's schema (502),
/// its silence (504), bad request bodies (400).
/// Anything else is a 500 with a generic text; the details go to the log only.
/// </summary>
public sealed class ApiProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var details = Map(exception);
        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception }).ConfigureAwait(false);
    }

    /// <summary>The 404 of an endpoint under <c>/api/stations/{id}</c> for an id no station has (echoed escaped).</summary>
    public static ProblemHttpResult UnknownStation(string id) =>
        TypedResults.Problem(title: "Unknown station", detail: $"No station '{StationIds.Escape(id)}' is registered.", statusCode: StatusCodes.Status404NotFound);

    public static ProblemDetails? Map(Exception exception) => exception switch
    {
        CommandException e => Command(e),
        OcppCallErrorException e => new ProblemDetails
        {
            Status = StatusCodes.Status502BadGateway,
            Title = "The station answered with a CALLERROR",
            Detail = $"{e.Action}: {e.ErrorCode} {e.Description}".TrimEnd(),
            Extensions = { ["errorCode"] = e.ErrorCode, ["errorDescription"] = e.Description, ["errorDetails"] = e.Details.ValueKind == System.Text.Json.JsonValueKind.Undefined ? null : e.Details },
        },
        OcppInvalidResponseException e => new ProblemDetails
        {
            Status = StatusCodes.Status502BadGateway,
            Title = "The station's answer violates the official schema",
            Detail = e.Message,
            Extensions =
            {
                ["violations"] = new[] { new Dictionary<string, string> { ["path"] = e.Error.Path, ["message"] = e.Error.Message } },
                ["response"] = SecretRedactor.Redact(e.Response),
            },
        },
        OcppCallTimeoutException e => new ProblemDetails
        {
            Status = StatusCodes.Status504GatewayTimeout,
            Title = "The station did not answer in time",
            Detail = $"No answer to {e.Action} within {e.Timeout.TotalSeconds:0.#} s.",
        },
        Iskra.TestLab.Runner.LabException e => new ProblemDetails { Status = e.Status, Title = e.Title, Detail = e.Message },
        BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "Bad request", Detail = e.Message },
        System.Text.Json.JsonException e => new ProblemDetails { Status = 400, Title = "The body is not valid JSON", Detail = e.Message },
        _ => null,
    };

    private static ProblemDetails Command(CommandException e)
    {
        var (status, title) = e.Failure switch
        {
            CommandFailure.UnknownStation => (StatusCodes.Status404NotFound, "Unknown station"),
            CommandFailure.Forbidden => (StatusCodes.Status403Forbidden, "Not allowed for this key's role"),
            CommandFailure.UnknownCommand => (StatusCodes.Status404NotFound, "Unknown command"),
            CommandFailure.NotConnected => (StatusCodes.Status409Conflict, "The station is not connected"),
            CommandFailure.StationPending => (StatusCodes.Status409Conflict, "The station is Pending; approve it first"),
            CommandFailure.StationRejected => (StatusCodes.Status409Conflict, "The station is Rejected; Iskra sends it nothing"),
            CommandFailure.Claimed => (StatusCodes.Status409Conflict, "The station is claimed by a test-lab run"),
            CommandFailure.NotOnVersion => (StatusCodes.Status422UnprocessableEntity, "Not available on the station's OCPP version"),
            CommandFailure.NotConfigured => (StatusCodes.Status422UnprocessableEntity, "Iskra is not configured for this command"),
            _ => (StatusCodes.Status400BadRequest, "Invalid command body"),
        };
        var details = new ProblemDetails { Status = status, Title = title, Detail = e.Message };
        if (e.Violations.Count > 0)
        {
            details.Extensions["violations"] = e.Violations.Select(v => new Dictionary<string, string> { ["path"] = v.Path, ["message"] = v.Message }).ToArray();
        }

        return details;
    }
}
