namespace Iskra.Server.Api.Billing;

/// <summary>The representations of charge detail records.</summary>
public enum CdrFormat
{
    Json,
    Csv,
    Ocpi,
}
