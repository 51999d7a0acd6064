namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// The CPO that owns the exported CDRs and tariffs (OCPI 2.2.1 §10.3.1 country_code, party_id): an ISO-3166
/// alpha-2 country code and a three-character party id (ISO 15118). Iskra has no OCPI registration of its own,
/// so these come from configuration (<c>Billing:CountryCode</c>, <c>Billing:PartyId</c>); <see cref="Default"/>
/// is the neutral <c>XX</c>/<c>ISK</c> (XX is user-assigned in ISO 3166, so it names no real country).
/// </summary>
public sealed record OcpiParty(string CountryCode, string PartyId)
{
    public static OcpiParty Default { get; } = new("XX", "ISK");
}
