using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Iskra.Csms.Integration.Passive;

/// <summary>
/// One timer for all connections (<see cref="PassiveOptions.SweepInterval"/>): the checks that notice a message
/// that did not come (no status after a boot, no answer, no transaction after a remote start), and the
/// rate-limited writes of counts.
/// </summary>
public sealed class PassiveSweep(PassiveFindings findings, TimeProvider time, IOptions<PassiveOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                findings.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }
}
