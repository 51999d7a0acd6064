using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Serialization;

namespace Iskra.Ocpp.Json;

/// <summary>
/// The OCPP wire string of a generated enum value (e.g. <c>Phase.L1N</c> → <c>"L1-N"</c>), read once per
/// enum type from its <see cref="JsonStringEnumMemberNameAttribute"/>s and then looked up in an array.
/// </summary>
public static class WireName
{
    public static string Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(T value)
        where T : struct, Enum => Cache<T>.Names[Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)];

    public static string? Of<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(T? value)
        where T : struct, Enum => value is { } v ? Of(v) : null;

    private static class Cache<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>
        where T : struct, Enum
    {
        public static readonly string[] Names = Build();

        private static string[] Build()
        {
            var fields = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static);
            var names = new string[fields.Length];
            foreach (var field in fields)
            {
                var index = Convert.ToInt32(field.GetValue(null), System.Globalization.CultureInfo.InvariantCulture);
                names[index] = field.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? field.Name;
            }

            return names;
        }
    }
}
