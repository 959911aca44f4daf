namespace MayorsNetwork.Web.Tests.Health;

/// <summary>A clock that stands still until a test moves it: what "within a second" means is then up to the test, not the machine's load.</summary>
public sealed class StoppedClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
