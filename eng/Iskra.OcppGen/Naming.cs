using System.Text;

namespace Iskra.OcppGen;

/// <summary>Wire names to C# identifiers.</summary>
public static class Naming
{
    /// <summary><c>connectorId</c> → <c>ConnectorId</c>.</summary>
    public static string Pascal(string wire) => Join(wire, separateDigits: false);

    /// <summary>
    /// An enum member for a wire string: segments between punctuation are capitalised and joined
    /// (<c>Energy.Active.Import.Register</c> → <c>EnergyActiveImportRegister</c>, <c>L1-N</c> → <c>L1N</c>);
    /// an underscore keeps two numbers apart (<c>ISO15118-2</c> → <c>ISO15118_2</c>).
    /// </summary>
    public static string EnumMember(string wire) => Join(wire, separateDigits: true);

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static string Join(string wire, bool separateDigits)
    {
        var name = new StringBuilder();
        foreach (var segment in wire.Split(c => !char.IsAsciiLetterOrDigit(c)))
        {
            if (separateDigits && name.Length > 0 && char.IsAsciiDigit(name[^1]) && char.IsAsciiDigit(segment[0]))
            {
                name.Append('_');
            }

            name.Append(char.ToUpperInvariant(segment[0])).Append(segment, 1, segment.Length - 1);
        }

        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name.Insert(0, "Value");
        }

        return name.ToString();
    }

    private static IEnumerable<string> Split(this string text, Func<char, bool> isSeparator)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || isSeparator(text[i]))
            {
                if (i > start)
                {
                    yield return text[start..i];
                }

                start = i + 1;
            }
        }
    }
}
