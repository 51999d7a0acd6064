using Iskra.Csms.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Alarms;

/// <summary>
/// Checks every <see cref="ITimedAlarmRule"/> every <c>Alarms:CheckInterval</c> (default 15 s), one after the other; a rule
/// that throws is logged and the others still run.
/// </summary>
public sealed partial class AlarmRulesJob(
    IEnumerable<ITimedAlarmRule> rules,
    AlarmBook book,
    IOptionsMonitor<AlarmOptions> alarmOptions,
    IOptions<JobOptions> jobs,
    TimeProvider time,
    ILogger<AlarmRulesJob> logger) : SupervisedJob("alarm-rules", jobs, time, logger)
{
    private readonly ITimedAlarmRule[] _rules = [.. rules];

    protected override TimeSpan Period => alarmOptions.CurrentValue.CheckInterval > TimeSpan.Zero ? alarmOptions.CurrentValue.CheckInterval : TimeSpan.FromSeconds(15);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var rule in _rules)
        {
            try
            {
                await rule.CheckAsync(book, Time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogRuleFailed(logger, rule.GetType().Name, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The alarm rule {Rule} failed; it is checked again at the next interval")]
    private static partial void LogRuleFailed(ILogger logger, string rule, Exception exception);
}
