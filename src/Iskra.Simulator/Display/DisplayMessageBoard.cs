using System.Runtime.CompilerServices;
using Iskra.Ocpp.V201.Messages;
using Iskra.Simulator.Stations;

namespace Iskra.Simulator.Display;

/// <summary>
/// The messages the CSMS set on the station's screen (2.0.1 O01–O06), by id. The simulated screen shows
/// ASCII, UTF8 and URI content, and the NormalCycle and InFront priorities: it has no lock for AlwaysFront
/// and no HTML renderer (answered NotSupportedPriority / NotSupportedMessageFormat).
/// </summary>
internal sealed class DisplayMessageBoard
{
    private static readonly ConditionalWeakTable<SimStation, DisplayMessageBoard> All = new();
    private readonly SortedDictionary<int, MessageInfoType> _messages = [];
    private readonly Lock _lock = new();

    public static DisplayMessageBoard Of(SimStation station) => All.GetValue(station, _ => new DisplayMessageBoard());

    /// <summary>Sets (or replaces, by id) a message after checking what the screen supports.</summary>
    public DisplayMessageStatusEnumType Set(MessageInfoType message, Func<string, bool> transactionKnown)
    {
        if (message.Message.Format == MessageFormatEnumType.HTML)
        {
            return DisplayMessageStatusEnumType.NotSupportedMessageFormat;
        }

        if (message.Priority == MessagePriorityEnumType.AlwaysFront)
        {
            return DisplayMessageStatusEnumType.NotSupportedPriority;
        }

        if (message.TransactionId is { } transaction && !transactionKnown(transaction))
        {
            return DisplayMessageStatusEnumType.UnknownTransaction; // O03: bound to a transaction the station does not run
        }

        lock (_lock)
        {
            _messages[message.Id] = message;
        }

        return DisplayMessageStatusEnumType.Accepted;
    }

    /// <summary>The messages matching every given filter (O04).</summary>
    public IReadOnlyList<MessageInfoType> Find(IReadOnlyList<int>? ids, MessagePriorityEnumType? priority, MessageStateEnumType? state)
    {
        lock (_lock)
        {
            return [.. _messages.Values.Where(m => (ids is null || ids.Count == 0 || ids.Contains(m.Id))
                && (priority is null || m.Priority == priority)
                && (state is null || m.State == state))];
        }
    }

    public bool Clear(int id)
    {
        lock (_lock)
        {
            return _messages.Remove(id);
        }
    }
}
