using Iskra.Ocpp;

namespace Iskra.TestLab.Runner;

/// <summary>
/// A version's suite: its cases, the ids it lists as not applicable with the reason, how the lab answers
/// that version's calls by default, and how it brings a station back to the documents' general
/// preconditions (idle, connectors available) between cases.
/// </summary>
public interface ISuite
{
    /// <summary>The suite's name in the API: <c>ocpp1.6</c>.</summary>
    string Name { get; }

    OcppVersion Version { get; }

    IReadOnlyList<LabCase> Cases { get; }

    /// <summary>Document ids that are not implemented as cases, each with why (OCPP 1.6 document ids).</summary>
    IReadOnlyDictionary<string, NotApplicable> NotApplicable { get; }

    /// <summary>Document cases still to be written; a run shows those of declared profiles as skipped.</summary>
    IReadOnlyList<CaseInfo> NotYetBuilt { get; }

    /// <summary>Installs the version's default answers; they keep <paramref name="state"/> up to date.</summary>
    void InstallDefaults(Answers answers, RunState state, TimeProvider time);

    /// <summary>Updates <paramref name="state"/> from <paramref name="received"/>, whatever the answer.</summary>
    void Observe(RunState state, ReceivedCall received);

    /// <summary>Before the first case: reads what the station reports of itself and compares it with what was declared.</summary>
    Task SurveyAsync(CaseContext t);

    /// <summary>After each case: no transaction open, every connector available, nothing scripted.</summary>
    Task ReturnToIdleAsync(CaseContext t);
}
