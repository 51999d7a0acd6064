using System.Globalization;
using Iskra.Ocpp.V201.Messages;

namespace Iskra.Simulator.V201.DeviceModelParts;

/// <summary>Checks a value against a variable's characteristics (part 2 appendix 3, DataEnumType) before it is set.</summary>
internal static class VariableValues
{
    /// <summary>The value in its stored spelling, or null when it is not of the variable's type or outside its limits.</summary>
    public static string? Normalize(DeviceVariable variable, string value)
    {
        var trimmed = value.Trim();
        switch (variable.DataType)
        {
            case DataEnumType.Integer:
                return int.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) && integer >= 0 && WithinLimit(variable, integer)
                    ? integer.ToString(CultureInfo.InvariantCulture)
                    : null;
            case DataEnumType.Decimal:
                return decimal.TryParse(trimmed, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) && WithinLimit(variable, number)
                    ? number.ToString(CultureInfo.InvariantCulture)
                    : null;
            case DataEnumType.Boolean:
                return bool.TryParse(trimmed, out var flag) ? (flag ? "true" : "false") : null;
            case DataEnumType.DateTime:
                return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) ? trimmed : null;
            case DataEnumType.OptionList:
                return Allowed(variable).FirstOrDefault(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase));
            case DataEnumType.MemberList:
            case DataEnumType.SequenceList:
                var members = trimmed.Split(',', StringSplitOptions.TrimEntries);
                var allowed = Allowed(variable);
                if (members.Any(m => m.Length == 0) || (allowed.Length > 0 && members.Any(m => !allowed.Contains(m, StringComparer.Ordinal))))
                {
                    return null;
                }

                return string.Join(',', members);
            default:
                // 2.0.1 appendix 3.1.15: a BasicAuthPassword is a passwordString of 16 to 40 characters.
                if (variable.Variable == "BasicAuthPassword" && trimmed.Length is < 16 or > 40)
                {
                    return null;
                }

                return value;
        }
    }

    private static string[] Allowed(DeviceVariable variable) =>
        (variable.ValuesList ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool WithinLimit(DeviceVariable variable, decimal value) => variable.MaxLimit is not { } max || value <= max;
}
