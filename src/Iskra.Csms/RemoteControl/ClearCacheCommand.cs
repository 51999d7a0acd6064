using System.Text.Json.Nodes;

namespace Iskra.Csms.RemoteControl;

/// <summary><c>clear-cache</c> (no body) → ClearCache on both versions (1.6 §5.4, 2.0.1 C11).</summary>
public sealed class ClearCacheCommand : StationCommand
{
    public override string Name => "clear-cache";

    public override IReadOnlyList<string> Fields { get; } = [];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new CommandCall("ClearCache", []));
}
