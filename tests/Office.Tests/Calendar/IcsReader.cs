using System.Text;

namespace Handbook.Tests.Calendar;

/// <summary>
/// A strict reader of iCalendar text (RFC 5545) for tests: it fails on anything a calendar application could
/// stumble on (a bare LF, an over-long line, a character split by a fold, an unclosed component, a bad escape)
/// and returns the components.
/// </summary>
internal static class IcsReader
{
    /// <summary>Throws on a lone surrogate, which a fold between the halves of a pair leaves on each line.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Property(string Name, IReadOnlyDictionary<string, string> Parameters, string Value);

    public sealed class Component(string name)
    {
        public string Name { get; } = name;
        public List<Property> Properties { get; } = [];
        public List<Component> Children { get; } = [];

        public string Value(string name) => Properties.Single(p => p.Name == name).Value;

        public Property Get(string name) => Properties.Single(p => p.Name == name);
    }

    public static Component Read(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            Assert.True(StrictUtf8.GetByteCount(line) <= 75, $"line longer than 75 octets: {line}");
        }

        var logical = new List<string>();
        foreach (var line in physical)
        {
            if (line.StartsWith(' ') || line.StartsWith('\t')) logical[^1] += line[1..];
            else logical.Add(line);
        }

        var stack = new Stack<Component>();
        Component? root = null;
        foreach (var line in logical)
        {
            var property = Parse(line);
            if (property.Name == "BEGIN")
            {
                var component = new Component(property.Value);
                if (stack.Count > 0) stack.Peek().Children.Add(component);
                else root = root is null ? component : throw new InvalidDataException("content after the calendar");
                stack.Push(component);
            }
            else if (property.Name == "END")
            {
                Assert.Equal(stack.Pop().Name, property.Value);
            }
            else
            {
                stack.Peek().Properties.Add(property);
            }
        }
        Assert.Empty(stack);
        Assert.NotNull(root);
        Assert.Equal("VCALENDAR", root.Name);
        return root;
    }

    /// <summary>name *(";" param) ":" value; parameter values are not quoted in what we write.</summary>
    private static Property Parse(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        Assert.True(colon > 0, $"no ':' in “{line}”");
        var head = line[..colon].Split(';');
        Assert.Matches("^[A-Z][A-Z0-9-]*$", head[0]);
        var parameters = head.Skip(1).Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return new Property(head[0], parameters, line[(colon + 1)..]);
    }

    /// <summary>Undoes TEXT escaping; fails on an escape RFC 5545 does not define.</summary>
    public static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\')
            {
                Assert.True(value[i] is not (';' or ','), $"unescaped '{value[i]}' in “{value}”");
                text.Append(value[i]);
                continue;
            }
            text.Append(value[++i] switch
            {
                'n' or 'N' => '\n',
                '\\' => '\\',
                ';' => ';',
                ',' => ',',
                var c => throw new InvalidDataException($"bad escape \\{c} in “{value}”"),
            });
        }
        return text.ToString();
    }

    public static DateOnly Date(Property property)
    {
        Assert.Equal("DATE", property.Parameters["VALUE"]);
        return DateOnly.ParseExact(property.Value, "yyyyMMdd");
    }
}
