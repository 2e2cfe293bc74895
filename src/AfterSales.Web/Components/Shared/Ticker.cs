namespace AfterSales.Web.Components.Shared;

/// <summary>
/// One clock tick per second for a circuit: every live countdown on the page listens to this one timer
/// instead of keeping its own.
/// </summary>
public sealed class Ticker : IDisposable
{
    private readonly ITimer _timer;

    public Ticker(TimeProvider clock)
    {
        Clock = clock;
        _timer = clock.CreateTimer(_ => Tick?.Invoke(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    public event Action? Tick;

    public TimeProvider Clock { get; }

    public void Dispose() => _timer.Dispose();
}
