namespace Iskra.Csms.Jobs;

/// <summary>How background jobs recover from failures and how much they delete at once (configuration section "Jobs").</summary>
public sealed class JobOptions
{
    /// <summary>The wait before the first retry of a failed run; it doubles on each further failure, up to the job's period. Default 5 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows a purge deletes per statement, so a large purge never holds a long lock. Default 5000.</summary>
    public int PurgeBatchRows { get; set; } = 5000;
}
