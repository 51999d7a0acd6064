using Iskra.Csms.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Iskra.Csms.Tests.Storage;

/// <summary>
/// The writer is "behind" as soon as what waits for it would take longer than the limit at its recent
/// pace, not only once a write has already waited that long: otherwise a flood fills the queue with
/// several times the limit before shedding starts, and everything admitted waits that long.
/// </summary>
public sealed class WriterLoadTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_backlog_longer_than_the_limit_at_the_writers_pace_is_overload_before_any_write_has_waited()
    {
        var load = new WriterLoad(_time, TimeSpan.FromSeconds(1));
        CommitBatch(load, items: 1000, took: TimeSpan.FromMilliseconds(250)); // pace: 0.25 ms per item

        for (var i = 0; i < 4000; i++)
        {
            load.Queued();
        }

        Assert.False(load.IsOverloaded); // 4,000 × 0.25 ms = 1 s: exactly the limit
        load.Queued();
        Assert.True(load.IsOverloaded);

        load.Taken(2000, _time.GetTimestamp());
        Assert.False(load.IsOverloaded); // 2,001 waiting: half a second
    }

    [Fact]
    public void A_batch_committing_for_longer_than_the_limit_is_overload_whatever_waits()
    {
        var load = new WriterLoad(_time, TimeSpan.FromSeconds(1));
        load.Queued();
        load.Taken(1, _time.GetTimestamp());

        _time.Advance(TimeSpan.FromMilliseconds(1001));
        Assert.True(load.IsOverloaded);

        load.Done(1);
        Assert.False(load.IsOverloaded);
    }

    [Fact]
    public void Small_batches_do_not_set_the_pace_so_a_burst_after_a_quiet_spell_is_admitted()
    {
        var load = new WriterLoad(_time, TimeSpan.FromSeconds(1));
        // A quiet writer commits one item per fsync: 10 ms per item, were it counted.
        for (var i = 0; i < 50; i++)
        {
            CommitBatch(load, items: 1, took: TimeSpan.FromMilliseconds(10));
        }

        for (var i = 0; i < 500; i++)
        {
            load.Queued();
        }

        Assert.Equal(0, load.TicksPerItem);
        Assert.False(load.IsOverloaded);
    }

    [Fact]
    public void A_limit_of_zero_never_sheds()
    {
        var load = new WriterLoad(_time, TimeSpan.Zero);
        CommitBatch(load, items: 1000, took: TimeSpan.FromSeconds(10));
        load.Queued();
        load.Taken(1, _time.GetTimestamp());
        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.False(load.IsOverloaded);
    }

    [Fact]
    public async Task The_receive_gate_is_open_while_the_writer_keeps_up_and_opens_when_it_catches_up_or_after_the_limit()
    {
        var load = new WriterLoad(_time, TimeSpan.FromSeconds(1));
        Assert.True(load.WaitAsync(TestContext.Current.CancellationToken).AsTask().IsCompletedSuccessfully);

        // Behind: a reader waits until a batch commits with the writer caught up.
        load.Queued();
        load.Taken(1, _time.GetTimestamp());
        _time.Advance(TimeSpan.FromSeconds(2));
        var waiting = load.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(waiting.IsCompleted);
        load.Done(1);
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Still behind: it waits no longer than the limit (a stuck writer must not silence connections).
        load.Queued();
        load.Taken(1, _time.GetTimestamp());
        _time.Advance(TimeSpan.FromSeconds(2));
        var bounded = load.WaitAsync(TestContext.Current.CancellationToken).AsTask();
        Assert.False(bounded.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await bounded.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(load.IsOverloaded);
    }

    private void CommitBatch(WriterLoad load, int items, TimeSpan took)
    {
        for (var i = 0; i < items; i++)
        {
            load.Queued();
        }

        load.Taken(items, _time.GetTimestamp());
        _time.Advance(took);
        load.Done(items);
    }
}
