namespace AfterSales.Web.Hosting;

/// <summary>
/// A background job that runs one pass at start and then every <c>{IntervalSetting}</c> seconds on the app's clock
/// (0 or less turns it off). A failed pass is logged and retried at the next tick; the job itself never stops the host.
/// The passes are idempotent (unique constraints, not clocks), so a host that was down catches up at its next start.
/// </summary>
public abstract class IntervalWorker(IConfiguration configuration, TimeProvider clock, ILogger logger, string intervalSetting, int defaultSeconds, string jobName)
    : BackgroundService
{
    /// <summary>One pass; it logs what it did.</summary>
    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue(intervalSetting, defaultSeconds);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "{Job} pass failed; retrying next interval.", jobName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
