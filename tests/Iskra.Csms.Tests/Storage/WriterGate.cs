using Iskra.Csms.Storage;

namespace Iskra.Csms.Tests.Storage;

/// <summary>
/// Holds the writer's loop inside one work item, so that everything queued meanwhile is taken as one
/// batch when the gate opens. Disposing opens it, so a failing test never leaves the writer stuck.
/// </summary>
public sealed class WriterGate : IAsyncDisposable
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private Task<bool> _held = Task.FromResult(true);

    public static async Task<WriterGate> CloseAsync(StorageWriter writer)
    {
        var gate = new WriterGate();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate._held = writer.WriteAsync((entered, gate._open), static async (_, s, _) =>
        {
            s.entered.TrySetResult();
            await s._open.Task.ConfigureAwait(false);
            return true;
        }, TestContext.Current.CancellationToken);
        await entered.Task.WaitAsync(TestContext.Current.CancellationToken);
        return gate;
    }

    public void Open() => _open.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Open();
        await _held;
    }
}
