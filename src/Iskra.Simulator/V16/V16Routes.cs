using System.Collections.Frozen;
using Iskra.Simulator.Protocol;

namespace Iskra.Simulator.V16;

/// <summary>The 1.6 actions the CSMS may call and the handler of each: one line per action.</summary>
internal static class V16Routes
{
    public static readonly FrozenDictionary<string, CallHandler> Handlers = new Dictionary<string, CallHandler>(StringComparer.Ordinal)
    {
        ["RemoteStartTransaction"] = RemoteStartTransactionHandler.HandleAsync,
        ["RemoteStopTransaction"] = RemoteStopTransactionHandler.HandleAsync,
        ["UpdateFirmware"] = UpdateFirmwareHandler.HandleAsync,
        ["SignedUpdateFirmware"] = SignedUpdateFirmwareHandler.HandleAsync,
        ["GetDiagnostics"] = GetDiagnosticsHandler.HandleAsync,
        ["GetLog"] = GetLogHandler.HandleAsync,
        ["InstallCertificate"] = InstallCertificateHandler.HandleAsync,
        ["DeleteCertificate"] = DeleteCertificateHandler.HandleAsync,
        ["GetInstalledCertificateIds"] = GetInstalledCertificateIdsHandler.HandleAsync,
        ["CertificateSigned"] = CertificateSignedHandler.HandleAsync,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
