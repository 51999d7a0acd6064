using Iskra.Csms.Jobs;
using Iskra.Csms.Storage;
using Iskra.Server.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Health;

/// <summary>
/// <c>GET /health</c> (readiness: the database answers, the storage writer keeps up, background jobs run)
/// and <c>GET /health/live</c> (liveness: the process answers HTTP). No API key needed.
/// </summary>
public static class HealthApi
{
    public const string Healthy = "Healthy";
    public const string Degraded = "Degraded";
    public const string Unhealthy = "Unhealthy";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/health", ReadyAsync).AllowAnonymous().WithTags("Operations").WithSummary("Readiness: database, storage writer and background jobs")
            .WithDescription("No API key needed. 200 when Healthy or Degraded, 503 when Unhealthy: the database does not answer, or writes have waited over Health:WriterUnhealthyAfter.")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/health/live", () => TypedResults.Text(Healthy)).AllowAnonymous().WithTags("Operations")
            .WithSummary("Liveness: the process answers").WithDescription("No API key needed. Always 200 while the server runs; it checks nothing else.");
    }

    private static async Task<IResult> ReadyAsync(
        IDbContextFactory<IskraDbContext> contexts, StorageWriter writer, StationSessions sessions, IEnumerable<IHostedService> services,
        IOptions<HealthOptions> options, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var database = await DatabaseAnswersAsync(contexts, settings.DatabaseTimeout, cancellationToken).ConfigureAwait(false);
        var health = writer.Health();
        var writerStatus = health.OldestWait >= settings.WriterUnhealthyAfter ? Unhealthy
            : health.OldestWait >= settings.WriterDegradedAfter || health.QueueDepth >= settings.WriterDegradedQueueDepth || health.Failing ? Degraded
            : Healthy;
        JobStatus[] jobs = [.. services.OfType<SupervisedJob>().Select(j => j.Status)];
        var status = !database || writerStatus == Unhealthy ? Unhealthy
            : writerStatus == Degraded || jobs.Any(j => j.ConsecutiveFailures > 0) ? Degraded
            : Healthy;
        var body = new HealthReport(
            status, database, sessions.Count,
            new WriterReport(writerStatus, health.QueueDepth, Math.Round(health.OldestWait.TotalSeconds, 3), health.LastCommitAt, health.LastCommitError, health.LastCommitErrorAt),
            jobs);
        return status == Unhealthy ? Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : Results.Ok(body);
    }

    private static async Task<bool> DatabaseAnswersAsync(IDbContextFactory<IskraDbContext> contexts, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(limit.Token).ConfigureAwait(false);
            return await db.Database.CanConnectAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
