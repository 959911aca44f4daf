namespace MayorsNetwork.Web.Tests.Support;

/// <summary>
/// The portal's clock in tests: real time plus an offset that a test can move forward, so that due
/// dates, grace periods and daily jobs can be tested without waiting. Timers keep running in real time.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public DateOnly Today => DateOnly.FromDateTime(GetUtcNow().UtcDateTime);
}
