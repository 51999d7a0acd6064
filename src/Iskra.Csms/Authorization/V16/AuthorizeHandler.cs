using Iskra.Csms.Routing;
using Iskra.Ocpp.V16.Messages;

namespace Iskra.Csms.Authorization.V16;

public sealed class AuthorizeHandler(AuthorizationService authorization) : IOcppHandler<AuthorizeRequest, AuthorizeResponse>
{
    public async ValueTask<AuthorizeResponse> HandleAsync(StationContext station, AuthorizeRequest request, CancellationToken cancellationToken) =>
        new() { IdTagInfo = IdTagInfos.From(await authorization.AuthorizeAsync(request.IdTag, null, cancellationToken).ConfigureAwait(false)) };
}
