using Iskra.Ocpp;
using Ocpp16 = Iskra.Ocpp.V16.Messages;
using Ocpp201 = Iskra.Ocpp.V201.Messages;
using V16Calls = Iskra.Ocpp.V16.Messages.V16Calls;
using V201Calls = Iskra.Ocpp.V201.Messages.V201Calls;

namespace Iskra.Csms.RemoteControl;

/// <summary><c>clear-cache</c> (no body) → ClearCache on both versions (1.6 §5.4, 2.0.1 C11).</summary>
public sealed class ClearCacheCommand : StationCommand
{
    public override string Name => "clear-cache";

    public override IReadOnlyList<string> Fields { get; } = [];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ValueTask.FromResult(context.Version == OcppVersion.V16
            ? CommandCall.Of(V16Calls.ClearCache, new Ocpp16.ClearCacheRequest())
            : CommandCall.Of(V201Calls.ClearCache, new Ocpp201.ClearCacheRequest()));
    }
}
