namespace Iskra.OcppGen;

/// <summary>A C# enum: its spec name and wire values, in schema order.</summary>
public sealed record EnumModel(string Name, IReadOnlyList<string> Values);

/// <summary>One property of a record: wire name, C# name and type, and whether the schema requires it.</summary>
public sealed record PropertyModel(string Wire, string Name, string Type, bool Required);

/// <summary>A C# record: a request, a response or a type they use.</summary>
public sealed record RecordModel(string Name, IReadOnlyList<PropertyModel> Properties, bool Open)
{
    public string Shape => $"{Open}|" + string.Join('|', Properties.Select(p => $"{p.Wire}:{p.Type}:{p.Required}"));
}

/// <summary>A generated validator method: its name and body, starting with its signature.</summary>
public sealed record ValidatorMethod(string Name, string Code);

/// <summary>One OCPP action: its request and response records and their public validators.</summary>
public sealed record ActionModel(string Name, string Direction, RecordModel Request, RecordModel Response);

/// <summary>Everything generated for one OCPP version.</summary>
public sealed record VersionModel(
    VersionSpec Spec,
    IReadOnlyList<ActionModel> Actions,
    IReadOnlyList<RecordModel> Types,
    IReadOnlyList<EnumModel> Enums,
    IReadOnlyList<ValidatorMethod> Validators,
    IReadOnlyList<string> Warnings);
