namespace Iskra.Csms.Integration;

/// <summary>Where a station model stands in the catalog (the API spells them in lower case: <c>testing</c>, <c>integrated</c>, <c>refused</c>).</summary>
public enum CatalogStatus
{
    /// <summary>Known to the catalog (a lab run or the operator added it), not yet passing the policy.</summary>
    Testing,

    /// <summary>Passed the policy in a lab run, or the operator said so: the network accepts it.</summary>
    Integrated,

    /// <summary>The operator refused it; lab runs are still recorded but never change this.</summary>
    Refused,
}
