namespace Iskra.Csms.Stations;

/// <summary>
/// What the transport knows about a WebSocket handshake when it asks whether a station may connect.
/// The station id has already passed the syntax check of SPEC §2.1.
/// </summary>
/// <param name="StationId">The decoded station id from the path.</param>
/// <param name="BasicUser">The Basic-auth username, or null when no Basic credentials were sent.</param>
/// <param name="BasicPassword">The Basic-auth password, or null when no Basic credentials were sent.</param>
/// <param name="ClientCertificateSubjectCn">The CN of a TLS client certificate, when one was presented.</param>
/// <param name="IsTls">Whether the connection is over TLS.</param>
/// <param name="RemoteAddress">The peer address, for the record of refused attempts and rate limits.</param>
public sealed record AdmissionRequest(
    string StationId,
    string? BasicUser,
    string? BasicPassword,
    string? ClientCertificateSubjectCn,
    bool IsTls,
    string? RemoteAddress);
