using System.Text;

namespace Handbook.Validator.Register;

/// <summary>A unit of the organization: its name and, optionally, its level (党支部, 党小组, …).</summary>
public sealed record Unit(string Name, string? Level);

/// <summary>
/// The units that submit records (units.csv in the handbook folder, or a file the reviewer names): `name,level`,
/// one a line, a header line first. Names are matched after trimming and full/half-width folding (NFKC).
/// </summary>
public sealed class UnitRoster
{
    public const string FileName = "units.csv";

    private readonly Dictionary<string, Unit> byKey = new(StringComparer.Ordinal);

    public UnitRoster(IEnumerable<Unit> units)
    {
        foreach (var unit in units) byKey.TryAdd(Key(unit.Name), unit with { Name = Key(unit.Name) });
    }

    public IReadOnlyCollection<Unit> Units => byKey.Values;

    /// <summary>The unit a name written in a record means, or null when the roster does not list it.</summary>
    public Unit? Find(string name) => byKey.GetValueOrDefault(Key(name));

    /// <summary>A name as units are told apart by: trimmed, NFKC-folded (全角“ＡＢ１” = “AB1”), inner spaces removed.</summary>
    public static string Key(string name) =>
        string.Concat(name.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Reads a roster; throws <see cref="FormatException"/> naming the file and line when it is malformed.</summary>
    public static UnitRoster Read(string path)
    {
        var units = new List<Unit>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (lineNumber == 1 || string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split(',');
            if (cells.Length > 2 || string.IsNullOrWhiteSpace(cells[0]))
                throw new FormatException($"{path}:{lineNumber}：每行应为“单位名称,层级”，层级可省略");
            units.Add(new Unit(cells[0].Trim(), cells.Length > 1 && !string.IsNullOrWhiteSpace(cells[1]) ? cells[1].Trim() : null));
        }
        return new UnitRoster(units);
    }

    /// <summary>The roster the reviewer named, else the handbook's own units.csv, else null (units come from the records).</summary>
    public static UnitRoster? Find(string handbookFolder, string? named)
    {
        if (named is not null) return Read(named);
        var own = Path.Combine(handbookFolder, FileName);
        return File.Exists(own) ? Read(own) : null;
    }
}
