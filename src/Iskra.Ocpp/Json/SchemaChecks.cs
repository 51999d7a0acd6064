using System.Text.Json;
using Iskra.Ocpp.Rpc;

namespace Iskra.Ocpp.Json;

/// <summary>
/// The building blocks of the generated validators (V16/V201 <c>Validators.g.cs</c>). Each check
/// returns the first violation with a path relative to the checked value (<c>$</c>), re-rooted by the
/// caller with <see cref="At(OcppValidationError?, string)"/>, so nothing is allocated on success.
/// Error codes as defined by OCPP-J 1.6 §4.2.3 and OCPP-J 2.0.1 §4.3.
/// </summary>
internal static class SchemaChecks
{
    public static OcppValidationError PayloadNotAnObject(JsonElement value) =>
        new(OcppErrorCode.FormatViolation, "$", $"The payload must be a JSON object, not {Describe(value.ValueKind)}.");

    public static OcppValidationError NotAllowed(string name) =>
        new(OcppErrorCode.FormatViolation, "$." + name, $"Property '{name}' is not allowed here.");

    public static OcppValidationError Missing(string name) =>
        new(OcppErrorCode.OccurrenceConstraintViolation, "$." + name, $"Required property '{name}' is missing.");

    public static OcppValidationError WrongType(JsonElement value, string expected) =>
        new(OcppErrorCode.TypeConstraintViolation, "$", $"Expected {expected}, found {Describe(value.ValueKind)}.");

    public static OcppValidationError? At(OcppValidationError? error, string name) =>
        error is null ? null : error with { Path = "$." + name + error.Path[1..] };

    public static OcppValidationError? At(OcppValidationError? error, int index) =>
        error is null ? null : error with { Path = $"$[{index}]{error.Path[1..]}" };

    public static OcppValidationError? Object(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? null : WrongType(value, "an object");

    public static OcppValidationError? String(JsonElement value, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return WrongType(value, "a string");
        }

        return maxLength < 0 ? null : Length(value.GetString()!, maxLength);
    }

    public static OcppValidationError? DateTime(JsonElement value, bool zoneOptional)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return WrongType(value, "a date-time string");
        }

        return OcppDateTime.TryParse(value.GetString(), zoneOptional, out _)
            ? null
            : new(OcppErrorCode.PropertyConstraintViolation, "$", $"'{value.GetString()}' is not an RFC 3339 date-time.");
    }

    public static OcppValidationError? Uri(JsonElement value, int maxLength)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return WrongType(value, "a URI string");
        }

        var text = value.GetString()!;
        if (!System.Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            return new(OcppErrorCode.PropertyConstraintViolation, "$", $"'{text}' is not an absolute URI.");
        }

        return maxLength < 0 ? null : Length(text, maxLength);
    }

    public static OcppValidationError? Enum(JsonElement value, bool allowed) =>
        allowed ? null : new(OcppErrorCode.PropertyConstraintViolation, "$", $"'{value.GetString()}' is not one of the allowed values.");

    public static OcppValidationError? Integer(JsonElement value, long minimum, long maximum)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return WrongType(value, "an integer");
        }

        if (!value.TryGetInt32(out var number))
        {
            return value.TryGetInt64(out _)
                ? new(OcppErrorCode.PropertyConstraintViolation, "$", $"{value.GetRawText()} is outside the 32-bit integer range.")
                : WrongType(value, "an integer");
        }

        return number < minimum || number > maximum
            ? new(OcppErrorCode.PropertyConstraintViolation, "$", $"{number} is outside [{minimum}, {maximum}].")
            : null;
    }

    public static OcppValidationError? Number(JsonElement value, decimal minimum, decimal maximum, decimal multipleOf)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return WrongType(value, "a number");
        }

        if (!value.TryGetDecimal(out var number))
        {
            return new(OcppErrorCode.PropertyConstraintViolation, "$", $"{value.GetRawText()} is outside the supported range.");
        }

        if (number < minimum || number > maximum)
        {
            return new(OcppErrorCode.PropertyConstraintViolation, "$", $"{number} is outside [{minimum}, {maximum}].");
        }

        return multipleOf > 0 && number % multipleOf != 0
            ? new(OcppErrorCode.PropertyConstraintViolation, "$", $"{number} is not a multiple of {multipleOf}.")
            : null;
    }

    public static OcppValidationError? Boolean(JsonElement value) =>
        value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : WrongType(value, "a boolean");

    public static OcppValidationError? Array(JsonElement value, int minItems, int maxItems, Func<JsonElement, OcppValidationError?> item)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return WrongType(value, "an array");
        }

        var count = value.GetArrayLength();
        if (count < minItems || count > maxItems)
        {
            return new(OcppErrorCode.OccurrenceConstraintViolation, "$", $"{count} items, expected {minItems} to {maxItems}.");
        }

        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            var error = At(item(element), index++);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static OcppValidationError? Length(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return null;
        }

        // JSON Schema counts code points, not UTF-16 units.
        var codePoints = 0;
        foreach (var c in text)
        {
            if (!char.IsLowSurrogate(c))
            {
                codePoints++;
            }
        }

        return codePoints <= maxLength
            ? null
            : new(OcppErrorCode.PropertyConstraintViolation, "$", $"Longer than {maxLength} characters.");
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
