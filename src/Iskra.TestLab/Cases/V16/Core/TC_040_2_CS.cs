using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.Cases.V16.Core;

/// <summary>OCTT 1.6 Table 46: ChangeConfiguration MeterValueSampleInterval = -1 is Rejected (or refused with PropertyConstraintViolation).</summary>
public sealed class TC_040_2_CS : LabCase
{
    private const string Key = "MeterValueSampleInterval";

    public override CaseInfo Info { get; } = new("TC_040_2_CS", "Configuratoin key - Invalid value", "Core", "OCTT 1.6 §2.15.2")
    {
        Requirements = ["OCPP 1.6 §5.3 ChangeConfiguration", "OCPP 1.6 §9.1.19 MeterValueSampleInterval"],
    };

    public override async Task RunAsync(CaseContext t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var before = await t.SendAsync(V16Calls.GetConfiguration, new GetConfigurationRequest { Key = [Key] }, "before").ConfigureAwait(false);
        var previous = before.ConfigurationKey?.FirstOrDefault(k => string.Equals(k.Key, Key, StringComparison.OrdinalIgnoreCase))?.Value;
        var (error, answer) = await t.TrySendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = Key, Value = "-1" }, "1").ConfigureAwait(false);
        try
        {
            if (error is not null)
            {
                t.Check(error == "PropertyConstraintViolation", "2", "A CallError with errorCode PropertyConstraintViolation (or ChangeConfiguration.conf status Rejected)",
                    $"CALLERROR {error}", "Refuse an out-of-range value with ChangeConfiguration.conf status Rejected (OCPP 1.6 §5.3), or with CALLERROR PropertyConstraintViolation (OCPP-J 1.6 §4.2.3).",
                    requirement: "OCPP 1.6 §5.3");
                return;
            }

            t.Check(answer!.Status == ConfigurationStatus.Rejected, "2", "ChangeConfiguration.conf status is Rejected: -1 is not a valid MeterValueSampleInterval (seconds, 0 or more)",
                $"status is {answer.Status}", "Reject a ChangeConfiguration.req whose value is out of range or not of the key's format, and keep the old value (OCPP 1.6 §5.3: \"requests with out-of-range values\" are Rejected).",
                requirement: "OCPP 1.6 §5.3");
        }
        finally
        {
            if (answer is { Status: ConfigurationStatus.Accepted or ConfigurationStatus.RebootRequired } && previous is not null)
            {
                await t.TrySendAsync(V16Calls.ChangeConfiguration, new ChangeConfigurationRequest { Key = Key, Value = previous }, "after").ConfigureAwait(false);
            }
        }
    }
}
