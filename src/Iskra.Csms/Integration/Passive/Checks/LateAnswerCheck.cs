using System.Globalization;
using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// The CSMS's CALL not answered within <see cref="PassiveOptions.AnswerTimeout"/> (the CSMS gives up on it),
/// or answered after it (a CALLRESULT/CALLERROR for an id no longer pending). OCPP-J 1.6 §4.1.1 and
/// 2.0.1 Part 4 §4.1.1: one call outstanding at a time, each answered as soon as possible.
/// </summary>
internal static class LateAnswerCheck
{
    public const string Id = "passive/answers-late";

    public static Finding Build(OcppVersion version, string action, TimeSpan timeout, TimeSpan? answeredAfter, IReadOnlyList<EvidenceFrame> frames) =>
        new(
            version == OcppVersion.V16 ? "OCPP-J 1.6 §4.1.1 (the answer to a CALL, in time)" : "OCPP 2.0.1 Part 4 §4.1.1 (the answer to a CALL, in time)",
            string.Create(CultureInfo.InvariantCulture, $"the answer to each CSMS CALL within {timeout.TotalSeconds:0.#} s"),
            answeredAfter is { } after
                ? string.Create(CultureInfo.InvariantCulture, $"{action} answered after {after.TotalSeconds:0.#} s, when the CSMS had given up")
                : string.Create(CultureInfo.InvariantCulture, $"{action} not answered within {timeout.TotalSeconds:0.#} s"),
            "Answer CSMS calls from a task that slow work (modem, flash writes, uploads) cannot block; answer first and do the work afterwards.",
            frames)
        {
            Check = Id,
        };
}
