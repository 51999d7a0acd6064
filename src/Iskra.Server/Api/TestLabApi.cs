using System.Text;
using System.Text.Json;
using Iskra.Csms;
using Iskra.Server.Auth;
using Iskra.TestLab.Reports;
using Iskra.TestLab.Runner;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Iskra.Server.Api;

/// <summary>
/// <c>/api/testlab/...</c>: start a run against a connected station, follow it, answer its manual steps,
/// cancel it, and fetch its report as HTML, JSON or JUnit XML (SPEC §2.2 test-lab rows, docs/lab.md).
/// </summary>
public static class TestLabApi
{
    private static readonly string[] RunFields = ["stationId", "suite", "declared", "simulatorControlUrl", "cases"];
    private static readonly string[] DeclaredFields = ["featureProfiles", "connectors", "fixedCable", "current", "cardReader", "offlineAuthorization", "reserveConnectorZero", "backupPower", "display", "idTag", "otherIdTag", "securityProfile"];
    private static readonly string[] PromptFields = ["answer"];

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var lab = api.MapGroup("/testlab").WithTags("Test lab");
        lab.MapPost("/runs", StartAsync).RequireAuthorization(ApiPolicies.Operator).WithName("StartLabRun")
            .WithSummary("Claims a connected station and runs a suite against it; manual steps go to a simulator (simulatorControlUrl, loopback only) or wait for an answer")
            .Produces<RunView>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        lab.MapGet("/runs", ListAsync).WithName("ListLabRuns").WithSummary("Runs, newest first (optionally of one station)").Produces<List<RunView>>();
        lab.MapGet("/runs/{runId}", GetAsync).WithName("GetLabRun").WithSummary("A run: status, summary, per-case verdicts with findings, and the manual step waiting").Produces<RunView>().ProducesProblem(404);
        lab.MapGet("/runs/{runId}/report", ReportAsync).WithName("GetLabReport")
            .WithSummary("The run's report: " + RunReports.Summary).ProducesProblem(404).ProducesProblem(406);
        lab.MapGet("/runs/{runId}/frames", FramesAsync).WithName("GetLabFrames").WithSummary("Every frame of the run's connection, the evidence").ProducesProblem(404);
        lab.MapPost("/runs/{runId}/prompt", PromptAsync).RequireAuthorization(ApiPolicies.Operator).WithName("AnswerLabPrompt")
            .WithSummary("Answers the manual step waiting: done, cannot or skip").Produces<RunView>().ProducesProblem(400).ProducesProblem(409);
        lab.MapPost("/runs/{runId}/cancel", Cancel).RequireAuthorization(ApiPolicies.Operator).WithName("CancelLabRun")
            .WithSummary("Cancels a run; the station goes back to normal routing").Produces<RunView>().ProducesProblem(409);
    }

    private static async Task<Created<RunView>> StartAsync(HttpRequest request, LabRuns runs, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(request, RunFields, cancellationToken).ConfigureAwait(false);
        var stationId = body.RequiredString("stationId", 1, 48);
        Declared? declared = null;
        if (body.Element("declared") is { ValueKind: JsonValueKind.Object } element)
        {
            if (ExpectedFields.FirstUnknown(element, DeclaredFields) is { } unknown)
            {
                throw new BadHttpRequestException("declared: " + ExpectedFields.Describe(unknown, DeclaredFields));
            }

            try
            {
                declared = element.Deserialize(LabJsonContext.Default.Declared);
            }
            catch (JsonException e)
            {
                throw new BadHttpRequestException($"declared is not valid: {e.Message}");
            }

            if (declared is { Connectors: < 1 or > 10 })
            {
                throw new BadHttpRequestException("declared.connectors must be 1 to 10.");
            }
        }
        else if (body.Has("declared") && body.Element("declared") is { ValueKind: not JsonValueKind.Null })
        {
            throw new BadHttpRequestException("declared must be an object.");
        }

        IReadOnlyList<string>? cases = null;
        if (body.Element("cases") is { ValueKind: not JsonValueKind.Null } list)
        {
            cases = list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(c => c.ValueKind == JsonValueKind.String)
                ? [.. list.EnumerateArray().Select(c => c.GetString()!)]
                : throw new BadHttpRequestException("cases must be an array of case ids, e.g. [\"TC_003_CS\"].");
        }

        var run = await runs.StartAsync(new LabRunRequest(stationId, body.Text("suite", 1, 32), declared, body.Text("simulatorControlUrl", 1, 300)) { Cases = cases }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/testlab/runs/{run.Id}", run);
    }

    private static async Task<Ok<IReadOnlyList<RunView>>> ListAsync(string? stationId, int? limit, LabRuns runs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await runs.ListAsync(stationId, Math.Clamp(limit ?? 50, 1, 500), cancellationToken).ConfigureAwait(false));

    private static async Task<Results<Ok<RunView>, ProblemHttpResult>> GetAsync(string runId, LabRuns runs, CancellationToken cancellationToken) =>
        await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false) is { } run ? TypedResults.Ok(run) : UnknownRun(runId);

    private static async Task<Results<Ok<IReadOnlyList<FrameView>>, ProblemHttpResult>> FramesAsync(string runId, LabRuns runs, CancellationToken cancellationToken) =>
        await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false) is null
            ? UnknownRun(runId)
            : TypedResults.Ok(await runs.FramesAsync(runId, cancellationToken).ConfigureAwait(false));

    private static async Task<IResult> ReportAsync(string runId, string? format, HttpRequest request, LabRuns runs, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return UnknownRun(runId);
        }

        return RunReports.Write(run, format, request);
    }

    private static async Task<Ok<RunView>> PromptAsync(string runId, HttpRequest request, LabRuns runs, CancellationToken cancellationToken)
    {
        var body = await BodyFields.ReadAsync(request, PromptFields, cancellationToken).ConfigureAwait(false);
        var answer = body.RequiredString("answer", 1, 16) switch
        {
            "done" => PromptAnswer.Done,
            "cannot" => PromptAnswer.Cannot,
            "skip" => PromptAnswer.Skip,
            var other => throw new BadHttpRequestException($"answer must be done, cannot or skip, not '{other}'."),
        };
        return TypedResults.Ok(runs.Answer(runId, answer));
    }

    private static Ok<RunView> Cancel(string runId, LabRuns runs) => TypedResults.Ok(runs.Cancel(runId));

    private static ProblemHttpResult UnknownRun(string runId) =>
        TypedResults.Problem(statusCode: 404, title: "Unknown run", detail: $"There is no test-lab run '{runId}'.");
}
