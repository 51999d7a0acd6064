using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Tests.Rpc;

/// <summary>Back-pressure: a channel reads no frame while its gate is closed, and reads on once it opens.</summary>
public sealed class ReceiveGateTests
{
    [Fact]
    public async Task A_closed_gate_leaves_frames_unread_until_it_opens()
    {
        var gate = new ManualGate();
        await using var h = await ChannelHarness.StartAsync(configure: o => o.ReceiveGate = gate);

        gate.Close(); // the loop passed the open gate already and waits for the first frame
        await h.Station.SendAsync("""[2,"1","Heartbeat",{}]""");
        Assert.Equal("""[3,"1",{}]""", await h.Station.ReceiveAsync());
        await gate.Reached.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken); // now it waits on the gate before its next read

        await h.Station.SendAsync("""[2,"2","Heartbeat",{}]""");
        var answer = h.Station.ReceiveAsync();
        await Task.Delay(300, TestContext.Current.CancellationToken);
        Assert.False(answer.IsCompleted);
        Assert.DoesNotContain(h.Observer.Frames, f => f.Text.Contains("\"2\"", StringComparison.Ordinal));

        gate.Open();
        Assert.Equal("""[3,"2",{}]""", await answer.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
    }

    private sealed class ManualGate : IReceiveGate
    {
        private TaskCompletionSource _open = Opened();
        private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Reached => _reached.Task;

        public void Close()
        {
            _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        public void Open() => _open.TrySetResult();

        public ValueTask WaitAsync(CancellationToken cancellationToken)
        {
            _reached.TrySetResult();
            return new ValueTask(_open.Task.WaitAsync(cancellationToken));
        }

        private static TaskCompletionSource Opened()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.SetResult();
            return open;
        }
    }
}
