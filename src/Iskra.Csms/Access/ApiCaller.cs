namespace Iskra.Csms.Access;

/// <summary>The authenticated user of an API request, as the audit log names it.</summary>
public sealed record ApiCaller(string KeyId, string Name, ApiRole Role)
{
    public string Actor => $"{Name} ({KeyId})";
}
