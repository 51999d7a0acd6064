using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// A CALL under the message id of one of the station's last <see cref="PassiveOptions.MessageIdWindow"/> CALLs,
/// for another action (the same action under the same id may be a resend of an answer that got lost).
/// OCPP-J 1.6 §4.1.3 / 2.0.1 Part 4 §4.1.3: the id is unique among the sender's messages on the connection.
/// </summary>
internal sealed class MessageIdReuseCheck(int window)
{
    public const string Id = "passive/reuses-message-ids";

    private readonly string?[] _ids = new string?[Math.Max(1, window)];
    private readonly string?[] _actions = new string?[Math.Max(1, window)];
    private int _next;

    /// <summary>The earlier action under the same id, or null.</summary>
    public string? Observe(string messageId, string action)
    {
        string? clash = null;
        for (var i = 0; i < _ids.Length; i++)
        {
            if (string.Equals(_ids[i], messageId, StringComparison.Ordinal) && !string.Equals(_actions[i], action, StringComparison.Ordinal))
            {
                clash = _actions[i];
                break;
            }
        }

        _ids[_next] = messageId;
        _actions[_next] = action;
        _next = (_next + 1) % _ids.Length;
        return clash;
    }

    public static Finding Build(OcppVersion version, string messageId, string earlier, string action, EvidenceFrame frame) =>
        new(
            version == OcppVersion.V16 ? "OCPP-J 1.6 §4.1.3 (message id unique per sender and connection)" : "OCPP 2.0.1 Part 4 §4.1.3 (message id unique per sender and connection)",
            "a new message id for every CALL",
            $"{action} sent under message id \"{messageId}\", already used for {earlier}",
            "Draw message ids from a counter that never repeats on a connection (or a UUID); keep the id only when resending the same message.",
            [frame])
        {
            Check = Id,
        };
}
