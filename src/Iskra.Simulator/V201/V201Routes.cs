using System.Collections.Frozen;
using Iskra.Simulator.Protocol;

namespace Iskra.Simulator.V201;

/// <summary>The 2.0.1 actions the CSMS may call and the handler of each: one line per action.</summary>
internal static class V201Routes
{
    public static readonly FrozenDictionary<string, CallHandler> Handlers = new Dictionary<string, CallHandler>(StringComparer.Ordinal)
    {
        ["RequestStartTransaction"] = RequestStartTransactionHandler.HandleAsync,
        ["RequestStopTransaction"] = RequestStopTransactionHandler.HandleAsync,
        ["UpdateFirmware"] = UpdateFirmwareHandler.HandleAsync,
        ["GetLog"] = GetLogHandler.HandleAsync,
        ["InstallCertificate"] = InstallCertificateHandler.HandleAsync,
        ["DeleteCertificate"] = DeleteCertificateHandler.HandleAsync,
        ["GetInstalledCertificateIds"] = GetInstalledCertificateIdsHandler.HandleAsync,
        ["CertificateSigned"] = CertificateSignedHandler.HandleAsync,
        ["SetDisplayMessage"] = SetDisplayMessageHandler.HandleAsync,
        ["GetDisplayMessages"] = GetDisplayMessagesHandler.HandleAsync,
        ["ClearDisplayMessage"] = ClearDisplayMessageHandler.HandleAsync,
        ["CustomerInformation"] = CustomerInformationHandler.HandleAsync,
        ["PublishFirmware"] = PublishFirmwareHandler.HandleAsync,
        ["UnpublishFirmware"] = UnpublishFirmwareHandler.HandleAsync,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
