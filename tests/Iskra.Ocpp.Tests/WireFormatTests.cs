using System.Text.Json;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.Rpc;
using M16 = Iskra.Ocpp.V16.Messages;
using M201 = Iskra.Ocpp.V201.Messages;

namespace Iskra.Ocpp.Tests;

public sealed class WireFormatTests
{
    [Fact]
    public void A_1_6_timestamp_without_zone_is_accepted_and_read_as_UTC()
    {
        const string Json = """{"connectorId":1,"errorCode":"NoError","status":"Available","timestamp":"2024-05-06T07:08:09.5"}""";
        using var document = JsonDocument.Parse(Json);

        Assert.Null(M16.V16Validators.ValidateStatusNotificationRequest(document.RootElement));
        var request = JsonSerializer.Deserialize(Json, M16.V16JsonContext.Default.StatusNotificationRequest)!;
        Assert.Equal(new DateTimeOffset(2024, 5, 6, 7, 8, 9, 500, TimeSpan.Zero), request.Timestamp);
    }

    [Fact]
    public void A_2_0_1_timestamp_without_zone_is_a_PropertyConstraintViolation()
    {
        using var document = JsonDocument.Parse("""{"currentTime":"2024-05-06T07:08:09","interval":300,"status":"Accepted"}""");

        var error = M201.V201Validators.ValidateBootNotificationResponse(document.RootElement);

        Assert.Equal(new OcppValidationError(OcppErrorCode.PropertyConstraintViolation, "$.currentTime", error!.Message), error);
    }

    [Theory]
    [InlineData("2024-05-06T07:08:09Z", true)]
    [InlineData("2024-05-06t07:08:09.123456789+02:00", true)]
    [InlineData("2024-05-06T07:08:09-05:30", true)]
    [InlineData("2024-05-06 07:08:09Z", false)]
    [InlineData("2024-05-06T07:08Z", false)]
    [InlineData("2024-02-30T07:08:09Z", false)]
    [InlineData("2024-05-06T24:00:00Z", false)]
    [InlineData("2024-05-06T07:08:09+2:00", false)]
    [InlineData("yesterday", false)]
    public void Date_times_follow_RFC_3339(string text, bool valid) =>
        Assert.Equal(valid, OcppDateTime.TryParse(text, zoneOptional: false, out _));

    [Fact]
    public void Optional_properties_left_null_are_not_written_and_times_are_written_in_UTC_with_milliseconds()
    {
        var response = new M16.BootNotificationResponse
        {
            CurrentTime = new DateTimeOffset(2024, 5, 6, 9, 8, 9, 123, TimeSpan.FromHours(2)).AddTicks(4567),
            Interval = 300,
            Status = M16.RegistrationStatus.Accepted,
        };
        var request = new M16.StatusNotificationRequest
        {
            ConnectorId = 1,
            ErrorCode = M16.ChargePointErrorCode.EVCommunicationError,
            Status = M16.ChargePointStatus.SuspendedEVSE,
        };

        Assert.Equal(
            """{"status":"Accepted","currentTime":"2024-05-06T07:08:09.123Z","interval":300}""",
            JsonSerializer.Serialize(response, M16.V16JsonContext.Default.BootNotificationResponse));
        Assert.Equal(
            """{"connectorId":1,"errorCode":"EVCommunicationError","status":"SuspendedEVSE"}""",
            JsonSerializer.Serialize(request, M16.V16JsonContext.Default.StatusNotificationRequest));
    }

    [Fact]
    public void Enum_members_carry_their_wire_strings()
    {
        var value = new M16.SampledValue
        {
            Value = "1",
            Measurand = M16.Measurand.EnergyActiveImportRegister,
            Phase = M16.Phase.L1N,
            Context = M16.ReadingContext.SamplePeriodic,
            Unit = M16.UnitOfMeasure.KWh,
        };

        Assert.Equal(
            """{"value":"1","context":"Sample.Periodic","measurand":"Energy.Active.Import.Register","phase":"L1-N","unit":"kWh"}""",
            JsonSerializer.Serialize(value, M16.V16JsonContext.Default.Options));
    }

    [Fact]
    public void Vendor_properties_of_CustomData_survive_a_round_trip()
    {
        const string Json = """{"customData":{"vendorId":"acme","acmeLevel":3}}""";

        var request = JsonSerializer.Deserialize(Json, M201.V201JsonContext.Default.HeartbeatRequest)!;

        Assert.Equal(3, request.CustomData!.Extra!["acmeLevel"].GetInt32());
        Assert.Equal(Json, JsonSerializer.Serialize(request, M201.V201JsonContext.Default.HeartbeatRequest));
    }

    [Fact]
    public void An_integer_beyond_32_bits_is_a_PropertyConstraintViolation()
    {
        using var document = JsonDocument.Parse("""{"idTag":"A","connectorId":1,"meterStart":4294967296,"timestamp":"2024-05-06T07:08:09Z"}""");

        var error = M16.V16Validators.ValidateStartTransactionRequest(document.RootElement);

        Assert.Equal(OcppErrorCode.PropertyConstraintViolation, error?.Code);
        Assert.Equal("$.meterStart", error?.Path);
    }
}
