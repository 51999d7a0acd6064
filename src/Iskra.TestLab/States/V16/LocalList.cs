using Iskra.Ocpp.V16.Messages;
using Iskra.TestLab.Runner;

namespace Iskra.TestLab.States.V16;

/// <summary>The Local Authorization List steps the OCTT 1.6 §2.17 cases share (OCPP 1.6 §5.10 GetLocalListVersion, §5.15 SendLocalList).</summary>
public static class LocalList
{
    /// <summary>An entry of the list that authorizes <paramref name="idTag"/>.</summary>
    public static AuthorizationData Accepted(string idTag) => new() { IdTag = idTag, IdTagInfo = new IdTagInfo { Status = AuthorizationStatus.Accepted } };

    /// <summary>Sends a SendLocalList.req (step <paramref name="step"/>) and checks its answer is <paramref name="expected"/> (step <paramref name="answerStep"/>); stops the case when not.</summary>
    public static async Task SendAsync(CaseContext t, UpdateType updateType, int listVersion, IReadOnlyList<AuthorizationData>? entries, string step, string answerStep, UpdateStatus expected = UpdateStatus.Accepted)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.SendLocalList, new SendLocalListRequest { UpdateType = updateType, ListVersion = listVersion, LocalAuthorizationList = entries }, step, "OCPP 1.6 §5.15 SendLocalList").ConfigureAwait(false);
        var fix = expected switch
        {
            UpdateStatus.VersionMismatch => $"Answer VersionMismatch to a Differential update whose listVersion ({listVersion}) is not higher than the list's version, and keep the list as it is (OCPP 1.6 §5.15, §3.5.3).",
            UpdateStatus.Failed => "Answer Failed when the list cannot be stored (OCPP 1.6 §5.15, §7.44 UpdateStatus).",
            _ => $"Store the {updateType} update with listVersion {listVersion} and answer Accepted (OCPP 1.6 §5.15); with LocalAuthListEnabled true the list must be usable.",
        };
        t.Require(answer.Status == expected, answerStep, $"SendLocalList.conf status is {expected} ({updateType} update, listVersion {listVersion})", $"status is {answer.Status}", fix, requirement: "OCPP 1.6 §5.15 SendLocalList");
    }

    /// <summary>Sends GetLocalListVersion.req (step <paramref name="step"/>) and checks the version is <paramref name="expected"/> (step <paramref name="answerStep"/>).</summary>
    public static async Task<int> VersionAsync(CaseContext t, int expected, string step, string answerStep, string why)
    {
        ArgumentNullException.ThrowIfNull(t);
        var answer = await t.SendAsync(V16Calls.GetLocalListVersion, new GetLocalListVersionRequest(), step, "OCPP 1.6 §5.10 GetLocalListVersion").ConfigureAwait(false);
        t.Check(answer.ListVersion == expected, answerStep, $"GetLocalListVersion.conf listVersion is {expected}", $"listVersion is {answer.ListVersion}",
            $"Report the version of the list as it is stored: {why} (OCPP 1.6 §5.10: 0 means an empty list, -1 no local list support).", requirement: "OCPP 1.6 §5.10 GetLocalListVersion");
        return answer.ListVersion;
    }
}
