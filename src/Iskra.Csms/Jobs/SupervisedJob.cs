using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Jobs;

/// <summary>
/// A periodic background job that can never take the server down: each run that throws is logged,
/// counted in <see cref="Status"/> and retried after <see cref="JobOptions.RetryDelay"/>, doubling on
/// each further failure up to the job's <see cref="Period"/>. A successful run waits a full period.
/// The host is also set to ignore a background service that fails (IskraHost), so this is the
/// supervision every job relies on, not a second line of defence.
/// </summary>
public abstract partial class SupervisedJob(string name, IOptions<JobOptions> options, TimeProvider time, ILogger logger) : BackgroundService
{
    private JobStatus _status = new(name, null, null, null, 0);

    /// <summary>The job's name as logs and health reports show it.</summary>
    public string Name => name;

    /// <summary>The time between successful runs.</summary>
    protected abstract TimeSpan Period { get; }

    public JobStatus Status => Volatile.Read(ref _status);

    protected TimeProvider Time => time;

    protected JobOptions Settings => options.Value;

    /// <summary>One run of the job; may throw, the loop catches it.</summary>
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = Positive(options.Value.RetryDelay);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                Volatile.Write(ref _status, Status with { LastSuccessAt = time.GetUtcNow(), ConsecutiveFailures = 0 });
                wait = Period;
                retry = Positive(options.Value.RetryDelay);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var failures = Status.ConsecutiveFailures + 1;
                Volatile.Write(ref _status, Status with { LastFailureAt = time.GetUtcNow(), LastError = ex.GetType().Name + ": " + ex.Message, ConsecutiveFailures = failures });
                LogRunFailed(logger, ex, name, failures, retry.TotalSeconds);
                wait = retry;
                retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, Math.Max(Period.Ticks, retry.Ticks)));
            }

            try
            {
                await Task.Delay(wait, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static TimeSpan Positive(TimeSpan delay) => delay > TimeSpan.Zero ? delay : TimeSpan.FromSeconds(5);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background job {Job} failed ({Failures} in a row); retrying in {RetrySeconds} s")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string job, int failures, double retrySeconds);
}
