namespace Iskra.Simulator.Control;

/// <summary>One line of the control API's route table: a method, a path template with {names}, and its handler.</summary>
internal sealed record ControlRoute(string Method, string Template, Func<ControlRequest, CancellationToken, Task<ControlResult>> Handler)
{
    private readonly string[] _segments = Template.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The route values when <paramref name="segments"/> fit the template (method aside), else null.</summary>
    public Dictionary<string, string>? Match(IReadOnlyList<string> segments)
    {
        if (segments.Count != _segments.Length)
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < _segments.Length; i++)
        {
            var part = _segments[i];
            if (part.StartsWith('{'))
            {
                values[part[1..^1]] = segments[i];
            }
            else if (!string.Equals(part, segments[i], StringComparison.Ordinal))
            {
                return null;
            }
        }

        return values;
    }
}
