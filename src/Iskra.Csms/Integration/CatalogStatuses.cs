namespace Iskra.Csms.Integration;

/// <summary>The lower-case spellings of <see cref="CatalogStatus"/> that the API and messages use.</summary>
public static class CatalogStatuses
{
    public static readonly IReadOnlyList<string> Names = ["testing", "integrated", "refused"];

    public static string Name(CatalogStatus status) => status switch
    {
        CatalogStatus.Testing => "testing",
        CatalogStatus.Integrated => "integrated",
        _ => "refused",
    };

    public static bool TryParse(string? name, out CatalogStatus status)
    {
        switch (name)
        {
            case "testing": status = CatalogStatus.Testing; return true;
            case "integrated": status = CatalogStatus.Integrated; return true;
            case "refused": status = CatalogStatus.Refused; return true;
            default: status = default; return false;
        }
    }
}
