using System.Text.Json.Serialization;

namespace Iskra.Csms.Tariffs.Export;

/// <summary>
/// OCPI 2.2.1 §10.3.1 CDR object, in the spec's field order. Required fields are <c>required</c>; optional
/// ones Iskra does not know stay null and are left out of the JSON. Energy in kWh, times in hours.
/// </summary>
public sealed record OcpiCdr
{
    [JsonPropertyName("country_code")]
    public required string CountryCode { get; init; }

    [JsonPropertyName("party_id")]
    public required string PartyId { get; init; }

    /// <summary>At most 36 characters; 39 for a credit CDR (the original's id with "-C").</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("start_date_time")]
    [JsonConverter(typeof(OcpiDateTimeConverter))]
    public required DateTimeOffset StartDateTime { get; init; }

    [JsonPropertyName("end_date_time")]
    [JsonConverter(typeof(OcpiDateTimeConverter))]
    public required DateTimeOffset EndDateTime { get; init; }

    [JsonPropertyName("session_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SessionId { get; init; }

    [JsonPropertyName("cdr_token")]
    public required OcpiCdrToken CdrToken { get; init; }

    /// <summary>OCPI AuthMethod: AUTH_REQUEST, COMMAND or WHITELIST.</summary>
    [JsonPropertyName("auth_method")]
    public required string AuthMethod { get; init; }

    [JsonPropertyName("authorization_reference")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AuthorizationReference { get; init; }

    [JsonPropertyName("cdr_location")]
    public required OcpiCdrLocation CdrLocation { get; init; }

    [JsonPropertyName("meter_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MeterId { get; init; }

    [JsonPropertyName("currency")]
    public required string Currency { get; init; }

    [JsonPropertyName("tariffs")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<OcpiTariff>? Tariffs { get; init; }

    [JsonPropertyName("charging_periods")]
    public required IReadOnlyList<OcpiChargingPeriod> ChargingPeriods { get; init; }

    [JsonPropertyName("signed_data")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiSignedData? SignedData { get; init; }

    [JsonPropertyName("total_cost")]
    public required OcpiPrice TotalCost { get; init; }

    [JsonPropertyName("total_fixed_cost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiPrice? TotalFixedCost { get; init; }

    [JsonPropertyName("total_energy")]
    public required decimal TotalEnergy { get; init; }

    [JsonPropertyName("total_energy_cost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiPrice? TotalEnergyCost { get; init; }

    /// <summary>The whole session, charging and not charging.</summary>
    [JsonPropertyName("total_time")]
    public required decimal TotalTime { get; init; }

    [JsonPropertyName("total_time_cost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiPrice? TotalTimeCost { get; init; }

    [JsonPropertyName("total_parking_time")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? TotalParkingTime { get; init; }

    [JsonPropertyName("total_parking_cost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiPrice? TotalParkingCost { get; init; }

    [JsonPropertyName("total_reservation_cost")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public OcpiPrice? TotalReservationCost { get; init; }

    [JsonPropertyName("remark")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Remark { get; init; }

    [JsonPropertyName("invoice_reference_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? InvoiceReferenceId { get; init; }

    [JsonPropertyName("credit")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Credit { get; init; }

    [JsonPropertyName("credit_reference_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CreditReferenceId { get; init; }

    [JsonPropertyName("home_charging_compensation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? HomeChargingCompensation { get; init; }

    [JsonPropertyName("last_updated")]
    [JsonConverter(typeof(OcpiDateTimeConverter))]
    public required DateTimeOffset LastUpdated { get; init; }
}
