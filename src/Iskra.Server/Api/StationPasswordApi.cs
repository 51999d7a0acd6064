using System.Text.Json;
using Iskra.Csms.RemoteControl;
using Iskra.Csms.Security;
using Iskra.Csms.Stations;
using Iskra.Server.Auth;

namespace Iskra.Server.Api;

/// <summary>
/// <c>POST /api/stations/{id}/password/rotate</c> (admin): a new generated password goes to the station as
/// change-configuration <c>AuthorizationKey</c> (1.6 ChangeConfiguration; 2.0.1 SetVariables
/// SecurityCtrlr.BasicAuthPassword). On Accepted its hash is kept and the password is shown once; the old
/// one stays valid until the station's first login with the new one (2.0.1 A01, 1.6 security whitepaper A01).
/// </summary>
public static class StationPasswordApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/stations/{id}/password/rotate", RotateAsync)
            .RequireAuthorization(ApiPolicies.Admin)
            .WithName("RotateStationPassword").WithTags("Stations")
            .WithSummary("Send the station a new generated password; shown once when the station accepts it")
            .Produces<CommandResponse>()
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(502).ProducesProblem(504);
    }

    private static async Task<IResult> RotateAsync(string id, HttpContext context, StationCommands commands, CancellationToken cancellationToken)
    {
        var password = StationPasswords.Generate(); // hexadecimal: safe in the JSON text below
        using var body = JsonDocument.Parse($$"""{"key":"{{SecretSettings.AuthorizationKey}}","value":"{{password}}"}""");
        var outcome = await commands.SendAsync(id, "change-configuration", body.RootElement, ApiCallers.Of(context), cancellationToken).ConfigureAwait(false);
        context.Response.Headers.CacheControl = "no-store";
        var accepted = outcome.Status is "Accepted" or "RebootRequired";
        return TypedResults.Ok(CommandResponse.From(outcome) with { Password = accepted ? password : null });
    }
}
