using Iskra.Csms.Stations;
using Iskra.Csms.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Iskra.Csms.Tests.Stations;

/// <summary>Secure-by-default admission (SPEC §2.1; the security profiles of the OCPP 1.6 Security Whitepaper, A00).</summary>
public sealed class StationAdmissionTests
{
    internal const string Password = "s3cret-password-of-24ch";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Profile_0_is_admitted_without_credentials()
    {
        await using var csms = await StartWithStationAsync("cp-0", profile: 0);

        var decision = await AdmitAsync(csms, new AdmissionRequest("cp-0", null, null, null, IsTls: false, "10.0.0.1"));

        Assert.Equal(AdmissionDecision.Admit, decision);
    }

    [Fact]
    public async Task Profile_1_is_admitted_with_the_station_id_as_user_and_the_right_password()
    {
        await using var csms = await StartWithStationAsync("cp-1", profile: 1);

        var decision = await AdmitAsync(csms, new AdmissionRequest("cp-1", "cp-1", Password, null, IsTls: false, "10.0.0.1"));

        Assert.True(decision.Admitted);
        Assert.Equal(RefusalReason.None, decision.Reason);
    }

    [Theory]
    [InlineData("cp-1", "wrong-password-of-24chars")] // wrong password
    [InlineData("cp-2", Password)] // A00.FR.204: the user must be the station id
    [InlineData(null, null)] // no Basic credentials at all
    [InlineData("cp-1", null)]
    public async Task Profile_1_with_wrong_credentials_is_refused_as_BadCredentials(string? user, string? password)
    {
        await using var csms = await StartWithStationAsync("cp-1", profile: 1);

        var decision = await AdmitAsync(csms, new AdmissionRequest("cp-1", user, password, null, IsTls: false, "10.0.0.1"));

        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.BadCredentials), decision);
    }

    [Fact]
    public async Task An_unknown_station_is_refused_as_UnknownStation_and_nothing_is_created()
    {
        await using var csms = await CsmsHarness.StartAsync();

        var decision = await AdmitAsync(csms, new AdmissionRequest("nobody", "nobody", Password, null, IsTls: false, "10.0.0.1"));

        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.UnknownStation), decision);
        await using var db = await csms.DbAsync();
        Assert.False(await db.Stations.AnyAsync(Ct));
    }

    [Fact]
    public async Task Profile_2_without_TLS_is_refused_as_Tls_even_with_the_right_password()
    {
        await using var csms = await StartWithStationAsync("cp-2", profile: 2);

        var plain = await AdmitAsync(csms, new AdmissionRequest("cp-2", "cp-2", Password, null, IsTls: false, "10.0.0.1"));
        var overTls = await AdmitAsync(csms, new AdmissionRequest("cp-2", "cp-2", Password, null, IsTls: true, "10.0.0.1"));

        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.Tls), plain);
        Assert.Equal(AdmissionDecision.Admit, overTls);
    }

    [Fact]
    public async Task Profile_2_over_TLS_with_a_wrong_password_is_refused_as_BadCredentials()
    {
        await using var csms = await StartWithStationAsync("cp-2", profile: 2);

        var decision = await AdmitAsync(csms, new AdmissionRequest("cp-2", "cp-2", "wrong-password-of-24chars", null, IsTls: true, "10.0.0.1"));

        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.BadCredentials), decision);
    }

    [Theory]
    [InlineData(true, "cp-3", true)]
    [InlineData(true, "cp-other", false)] // A00.FR.405: the certificate names this station in its CN
    [InlineData(true, null, false)]
    [InlineData(false, "cp-3", false)]
    public async Task Profile_3_needs_TLS_and_a_client_certificate_whose_CN_is_the_station_id(bool tls, string? commonName, bool admitted)
    {
        await using var csms = await StartWithStationAsync("cp-3", profile: 3);

        var decision = await AdmitAsync(csms, new AdmissionRequest("cp-3", null, null, commonName, tls, "10.0.0.1"));

        Assert.Equal(admitted ? AdmissionDecision.Admit : AdmissionDecision.Refuse(RefusalReason.Tls), decision);
    }

    [Fact]
    public async Task With_AdmitUnknownStations_an_unknown_station_is_admitted_and_created_Pending()
    {
        await using var csms = await CsmsHarness.StartAsync(new() { ["Csms:AdmitUnknownStations"] = "true" });

        var decision = await AdmitAsync(csms, new AdmissionRequest("newcomer", null, null, null, IsTls: false, "10.0.0.1"));

        Assert.Equal(AdmissionDecision.Admit, decision);
        await using var db = await csms.DbAsync();
        var station = await db.Stations.SingleAsync(Ct);
        Assert.Equal("newcomer", station.Id);
        Assert.Equal(RegistrationState.Pending, station.RegistrationStatus);
        Assert.Equal(0, station.SecurityProfile);
        Assert.Equal(CsmsHarness.Start, station.CreatedAt);
    }

    [Fact]
    public async Task With_AdmitUnknownStations_a_registered_station_still_needs_its_password()
    {
        await using var csms = await StartWithStationAsync("cp-1", profile: 1, admitUnknown: true);

        var decision = await AdmitAsync(csms, new AdmissionRequest("cp-1", null, null, null, IsTls: false, "10.0.0.1"));

        Assert.Equal(AdmissionDecision.Refuse(RefusalReason.BadCredentials), decision);
    }

    internal static async Task<CsmsHarness> StartWithStationAsync(string id, int profile, int maxFailures = 10, bool admitUnknown = false, int maxPerAddress = 50)
    {
        var csms = await CsmsHarness.StartAsync(new()
        {
            ["Csms:MaxFailedHandshakes"] = maxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Csms:MaxFailedHandshakesPerAddress"] = maxPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Csms:AdmitUnknownStations"] = admitUnknown ? "true" : "false",
        });
        await csms.SeedAsync(new Station
        {
            Id = id,
            SecurityProfile = profile,
            PasswordHash = profile is 1 or 2 ? StationPasswords.Hash(Password, 1000) : null,
            CreatedAt = CsmsHarness.Start,
        });
        return csms;
    }

    private static ValueTask<AdmissionDecision> AdmitAsync(CsmsHarness csms, AdmissionRequest request) =>
        csms.Get<IStationAdmission>().AdmitAsync(request, Ct);
}
