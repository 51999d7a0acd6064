namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// What an OCPI 2.2.1 CdrLocation (§10.4.3) requires that Iskra does not keep about a station: its address,
/// coordinates and the connector's standard, format and power type. <see cref="Unknown"/> fills the required
/// fields with plain placeholders (address and city "unknown", country <c>XXX</c>, coordinates 0/0, a Type 2
/// socket on three-phase AC); pass the real values when the operator knows them.
/// </summary>
/// <param name="Country">ISO 3166-1 alpha-3.</param>
/// <param name="Latitude">OCPI GeoLocation latitude text, <c>-?[0-9]{1,2}\.[0-9]{5,7}</c>.</param>
/// <param name="Longitude">OCPI GeoLocation longitude text, <c>-?[0-9]{1,3}\.[0-9]{5,7}</c>.</param>
/// <param name="ConnectorStandard">OCPI ConnectorType (IEC_62196_T2, IEC_62196_T2_COMBO, CHADEMO, …).</param>
/// <param name="ConnectorFormat">SOCKET or CABLE.</param>
/// <param name="PowerType">AC_1_PHASE, AC_2_PHASE, AC_2_PHASE_SPLIT, AC_3_PHASE or DC.</param>
public sealed record OcpiSite(
    string Address,
    string City,
    string Country,
    string Latitude,
    string Longitude,
    string ConnectorStandard,
    string ConnectorFormat,
    string PowerType,
    string? Name = null,
    string? PostalCode = null,
    string? State = null)
{
    public static OcpiSite Unknown { get; } =
        new("unknown", "unknown", "XXX", "0.000000", "0.000000", "IEC_62196_T2", "SOCKET", "AC_3_PHASE");
}
