using Iskra.Csms.RemoteControl;
using Iskra.Server.Auth;

namespace Iskra.Server.Api;

/// <summary>
/// <c>POST /api/stations/{id}/commands/{command}</c> (version-agnostic, docs/commands.md) and
/// <c>POST /api/stations/{id}/ocpp/{action}</c> (any OCPP call, checked against the official schema).
/// </summary>
public static class CommandsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/stations/{id}/commands/{command}", SendAsync)
            .RequireAuthorization(ApiPolicies.Operator)
            .WithName("SendCommand").WithTags("Commands")
            .WithSummary("Send a version-agnostic command")
            .WithDescription("Translated to the station's OCPP version (see docs/commands.md). Answers the station's status and raw reply.")
            .Accepts<Dictionary<string, object>>("application/json")
            .Produces<CommandResponse>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502).ProducesProblem(504);
        api.MapPost("/stations/{id}/ocpp/{action}", CallAsync)
            .RequireAuthorization(ApiPolicies.Operator)
            .WithName("CallOcpp").WithTags("Commands")
            .WithSummary("Send any OCPP call")
            .WithDescription("The body is the payload; it is validated against the official schema of the station's version. Answers exactly the station's CALLRESULT payload.")
            .Accepts<Dictionary<string, object>>("application/json")
            .Produces<Dictionary<string, object>>()
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422).ProducesProblem(502).ProducesProblem(504);
    }

    private static async Task<IResult> SendAsync(string id, string command, HttpContext context, StationCommands commands, CancellationToken cancellationToken)
    {
        var body = await RequestBodies.ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var outcome = await commands.SendAsync(id, command, body, ApiCallers.Of(context), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(CommandResponse.From(outcome));
    }

    private static async Task<IResult> CallAsync(string id, string action, HttpContext context, StationCommands commands, CancellationToken cancellationToken)
    {
        var body = await RequestBodies.ReadJsonAsync(context.Request, cancellationToken).ConfigureAwait(false);
        var response = await commands.CallRawAsync(id, action, body, ApiCallers.Of(context), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(response);
    }
}
