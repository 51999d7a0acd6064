using Iskra.Ocpp;

namespace Iskra.Csms.Integration.Passive.Checks;

/// <summary>
/// A timestamp without a zone (no Z, no offset). 1.6 §3.14 recommends UTC; Iskra reads such a time as
/// UTC and takes the message. 2.0.1 dateTime requires the zone (RFC 3339), so the message is refused
/// with a schema CALLERROR and this check names the cause instead of <see cref="SchemaCheck"/>.
/// </summary>
internal static class TimestampZoneCheck
{
    public const string Id = "passive/timestamp-without-zone";

    public static Finding Build(OcppVersion version, string action, string field, EvidenceFrame frame)
    {
        var v16 = version == OcppVersion.V16;
        return new Finding(
            v16 ? "OCPP 1.6 §3.14 Time zones (UTC recommended); OCPP-J 1.6 dateTime" : "OCPP 2.0.1 Part 2 dateTime (RFC 3339: the offset is required)",
            "every timestamp with its zone, in UTC: 2026-11-26T10:00:00.000Z",
            v16 ? $"{action}.{field} has no zone (read as UTC)" : $"{action}.{field} has no zone: the CSMS refused the message as out of schema",
            "Format every timestamp in UTC with the Z suffix (or with an explicit offset), never local time without a zone.",
            [frame])
        {
            Check = Id,
        };
    }
}
