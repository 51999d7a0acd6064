using System.Security.Claims;
using System.Text.Encodings.Web;
using Iskra.Csms.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Iskra.Server.Auth;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c> → the key's caller and role claims. 401 and 403 are
/// problem details. The key is never logged: only its public id appears in claims and the audit.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyService keys,
    IProblemDetailsService problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = header["Bearer ".Length..].Trim();
        var caller = presented.Length is > 0 and <= 200 ? await keys.VerifyAsync(presented, Context.RequestAborted).ConfigureAwait(false) : null;
        if (caller is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, caller.KeyId), new(ClaimTypes.Name, caller.Name) };
        claims.AddRange(ApiPolicies.RolesOf(caller.Role).Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        Context.Items[typeof(ApiCaller)] = caller;
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 401, Title = "Unauthorized", Detail = "Send a valid API key as 'Authorization: Bearer <key>'." },
        }).ConfigureAwait(false);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = 403, Title = "Forbidden", Detail = "This API key's role may not do this." },
        }).ConfigureAwait(false);
    }
}
