using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 87: a DataTransfer.req for a vendor the station does not know is answered with a DataTransfer.conf.</summary>
public sealed class TC_062_CS : LabCase
{
    /// <summary>A vendorId no station implements (1.6 §3.12: vendorIds are reversed DNS names the vendor owns).</summary>
    public const string VendorId = "org.openchargealliance.octt.unknown";

    public override CaseInfo Info { get; } = new("TC_062_CS", "Data Transfer to a Charge Point", "Core", "OCTT 1.6 §2.23.1")
    {
        Requirements = ["OCPP 1.6 §5.6 DataTransfer", "OCPP 1.6 §3.12 Vendor-specific data transfer"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        // Step 2 lists Rejected, UnknownMessageId and UnknownVendorId and allows Accepted ("the vendor should be warned"):
        // any DataTransfer.conf within the schema passes; a CALLERROR, no answer or an answer outside the schema is a finding.
        await t.SendAsync(V16Calls.DataTransfer, new DataTransferRequest { VendorId = VendorId, MessageId = "Testing", Data = "Testing" }, "1", "OCPP 1.6 §5.6").ConfigureAwait(false);
    }
}
