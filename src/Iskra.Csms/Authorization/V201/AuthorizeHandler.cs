using Iskra.Csms.Routing;
using Iskra.Csms.Tariffs;
using Iskra.Ocpp.Json;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Csms.Authorization.V201;

/// <summary>2.0.1 Authorize; an accepted token is told its tariff in idTokenInfo.personalMessage (I01, driver-specific tariff).</summary>
public sealed class AuthorizeHandler(AuthorizationService authorization, TariffSelector tariffs) : IOcppHandler<AuthorizeRequest, AuthorizeResponse>
{
    public async ValueTask<AuthorizeResponse> HandleAsync(StationContext station, AuthorizeRequest request, CancellationToken cancellationToken)
    {
        var idToken = request.IdToken.IdToken;
        var result = await authorization.AuthorizeAsync(idToken, WireName.Of(request.IdToken.Type), cancellationToken).ConfigureAwait(false);
        var info = IdTokenInfos.From(result);
        if (result.Status == IdTagStatus.Accepted
            && await tariffs.SelectAsync(station.StationId, idToken, result.ParentIdTag, connectorType: null, cancellationToken).ConfigureAwait(false) is { } tariff)
        {
            info = info with { PersonalMessage = new MessageContentType { Format = MessageFormatEnumType.UTF8, Content = TariffText.Describe(tariff.Definition) } };
        }

        return new() { IdTokenInfo = info };
    }
}
