using Iskra.Csms.Routing;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Authorization.V201;

public sealed class AuthorizeHandler(AuthorizationService authorization) : IOcppHandler<AuthorizeRequest, AuthorizeResponse>
{
    public async ValueTask<AuthorizeResponse> HandleAsync(StationContext station, AuthorizeRequest request, CancellationToken cancellationToken)
    {
        var result = await authorization.AuthorizeAsync(request.IdToken.IdToken, WireName.Of(request.IdToken.Type), cancellationToken).ConfigureAwait(false);
        return new() { IdTokenInfo = IdTokenInfos.From(result) };
    }
}
