using System.Globalization;
using System.Text.Json.Nodes;
using Iskra.Ocpp;

namespace Iskra.Csms.RemoteControl;

/// <summary>
/// <c>remote-stop {transactionId}</c> (the OCPP id, a JSON number or string) → 1.6
/// RemoteStopTransaction (an integer id); 2.0.1 RequestStopTransaction (F03, a string id). A transaction
/// Iskra does not know is still sent: the station is the authority, and may run a session started offline.
/// </summary>
public sealed class RemoteStopCommand : StationCommand
{
    public override string Name => "remote-stop";

    public override IReadOnlyList<string> Fields { get; } = ["transactionId"];

    public override ValueTask<CommandCall> BuildAsync(CommandContext context, CommandBody body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        context.ThrowIfPending16(Name);
        var node = body.RequiredNode("transactionId");
        var text = node.GetValueKind() switch
        {
            System.Text.Json.JsonValueKind.String => node.GetValue<string>(),
            System.Text.Json.JsonValueKind.Number => node.ToJsonString(),
            _ => throw CommandException.Invalid("$.transactionId", "must be a string or an integer"),
        };
        if (context.Version == OcppVersion.V201)
        {
            return ValueTask.FromResult(new CommandCall("RequestStopTransaction", new JsonObject { ["transactionId"] = text }));
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? ValueTask.FromResult(new CommandCall("RemoteStopTransaction", new JsonObject { ["transactionId"] = id }))
            : throw CommandException.Invalid("$.transactionId", "must be an integer on an OCPP 1.6 station");
    }
}
