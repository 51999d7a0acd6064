using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using Iskra.Ocpp;

namespace Iskra.Csms.Telemetry;

/// <summary>
/// Counters of one OCPP version's frames: one slot per direction × message type × catalog action
/// (plus "unknown"), built once, so counting a frame is an index lookup and an interlocked add.
/// </summary>
public sealed class MessageCounts
{
    /// <summary>The message types counted: CALL, CALLRESULT, CALLERROR and frames that do not parse.</summary>
    public static readonly string[] Types = ["Call", "CallResult", "CallError", "Invalid"];

    private readonly string[] _actions;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly long[] _slots;
    private readonly string _version;

    public MessageCounts(OcppVersion version)
    {
        Version = version;
        _version = version.DisplayName();
        _actions = [.. OcppCatalogs.Actions(version).Select(a => a.Name), "unknown"];
        _lookup = _actions.Select((name, index) => (name, index)).ToFrozenDictionary(x => x.name, x => x.index, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _slots = new long[2 * Types.Length * _actions.Length];
    }

    public OcppVersion Version { get; }

    /// <summary>The index of "unknown": an action outside the catalog, or the answer to a call we cannot match.</summary>
    public int Unknown => _actions.Length - 1;

    public int ActionIndex(ReadOnlySpan<char> action) => _lookup.TryGetValue(action, out var index) ? index : Unknown;

    public string ActionName(int index) => _actions[index];

    public void Count(bool incoming, int type, int action) =>
        Interlocked.Increment(ref _slots[(((incoming ? 0 : 1) * Types.Length) + type) * _actions.Length + action]);

    public IEnumerable<Measurement<long>> Observe()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            var value = Interlocked.Read(ref _slots[i]);
            if (value == 0)
            {
                continue;
            }

            var action = i % _actions.Length;
            var type = i / _actions.Length % Types.Length;
            var direction = i / _actions.Length / Types.Length == 0 ? "in" : "out";
            yield return new Measurement<long>(value,
                new KeyValuePair<string, object?>("direction", direction),
                new KeyValuePair<string, object?>("version", _version),
                new KeyValuePair<string, object?>("type", Types[type]),
                new KeyValuePair<string, object?>("action", _actions[action]));
        }
    }
}
