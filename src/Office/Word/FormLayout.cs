using System.Collections.Concurrent;
using System.Globalization;
using HandlebarsDotNet;
using Handbook.Model;
using Handbook.Records;

namespace Handbook.Office.Word;

/// <summary>
/// Renders a form's layout template (templates/forms/record.hbs, or the form's own `layout`) to the HTML
/// subset with &lt;field&gt; elements. The model groups the fields so the template needs no logic.
/// </summary>
internal static class FormLayout
{
    public const string DefaultTemplate = "record.hbs";
    private static readonly ConcurrentDictionary<(string, DateTime), HandlebarsTemplate<object, object>> Cache = new();

    public static string Render(Book book, Form form, string templatesDir)
    {
        var path = Path.Combine(templatesDir, "forms", form.Layout ?? DefaultTemplate);
        if (!File.Exists(path))
            throw new InvalidDataException($"{form.Path}: 表单 {form.Id} 的版式模板“{path}”不存在。");
        return Compiled(path)(Model(book, form));
    }

    /// <summary>Compiling a template costs far more than rendering it, so each file is compiled once until it changes.</summary>
    private static HandlebarsTemplate<object, object> Compiled(string path)
    {
        var key = (Path.GetFullPath(path), File.GetLastWriteTimeUtc(path));
        if (Cache.TryGetValue(key, out var cached)) return cached;
        try
        {
            return Cache[key] = Handlebars.Create().Compile(File.ReadAllText(path));
        }
        catch (HandlebarsException e)
        {
            throw new InvalidDataException($"{path}: 模板有语法错误：{e.Message}", e);
        }
    }

    private static object Model(Book book, Form form) => new
    {
        form = new { id = form.Id, title = form.Title, version = form.Version, code_line = FormIdentity.CodeLine(form.Id, form.Version) },
        book = new { title = book.Info.Title, organization = book.Info.Organization, edition = book.Info.Edition },
        fields = form.Fields.ToDictionary(f => f.Id, f => new { id = f.Id, label = f.Label, help = f.Help }),
        blocks = Blocks(form),
        // Values a layout may put in controls beforehand: the scoring sheet's items and their points.
        prefill = ScoringSheet.Is(form) ? ScoringPrefill(book, form) : [],
    };

    /// <summary>Row n of the scoring sheet's table holds the n-th scoring item of the handbook and its points.</summary>
    private static Dictionary<string, string> ScoringPrefill(Book book, Form form)
    {
        var table = form.FindField(ScoringSheet.Table)
            ?? throw new InvalidDataException($"{form.Path}: 表单 {form.Id} 使用评分表版式，但没有表格字段“{ScoringSheet.Table}”。");
        var items = book.ScoringItems.ToList();
        if (items.Count > table.Rows)
            throw new InvalidDataException(
                $"{form.Path}: “{table.Label}”只印 {table.Rows} 行，手册有 {items.Count} 个评分项目；请把 rows 改为不少于 {items.Count}。");
        var prefill = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            prefill[ControlKey.Cell(table.Id, i + 1, ScoringSheet.Item)] = ScoringSheet.ItemName(items[i].Article, items[i].Item);
            prefill[ControlKey.Cell(table.Id, i + 1, ScoringSheet.Points)] = items[i].Item.Points.ToString("0.##", CultureInfo.InvariantCulture);
        }
        return prefill;
    }

    /// <summary>Runs of ordinary fields become grids; each table field is a block of its own.</summary>
    private static List<object> Blocks(Form form)
    {
        var blocks = new List<object>();
        var pending = new List<Field>();
        foreach (var field in form.Fields)
        {
            if (field.Type != FieldType.Table)
            {
                pending.Add(field);
                continue;
            }
            if (pending.Count > 0) blocks.Add(Grid(pending));
            pending = [];
            blocks.Add(TableBlock(field));
        }
        if (pending.Count > 0) blocks.Add(Grid(pending));
        return blocks;
    }

    private static object Grid(List<Field> fields)
    {
        var rows = new List<object>();
        var half = new List<Field>();
        foreach (var field in fields)
        {
            if (!IsWide(field))
            {
                half.Add(field);
                if (half.Count == 2) FlushPair();
                continue;
            }
            FlushPair();
            rows.Add(new { cells = new[] { Cell(field, wide: true) }, height = Height(field) });
        }
        FlushPair();
        return new { grid = true, rows };

        void FlushPair()
        {
            if (half.Count == 0) return;
            rows.Add(new { cells = half.Select(f => Cell(f, wide: half.Count == 1)).ToArray(), height = "8" });
            half.Clear();
        }
    }

    private static object Cell(Field field, bool wide) => new { label = field.Label, field = field.Id, wide };

    private static bool IsWide(Field field) =>
        field.Type is FieldType.Textarea or FieldType.People or FieldType.Choices
        || field.Type == FieldType.Text && (field.MaxLength ?? 100) > 30
        || field.Type == FieldType.Choice && field.Options.Sum(o => o.Length) > 12;

    /// <summary>Row height in millimetres: one line, or for a text area as tall as the text it is meant to hold.</summary>
    private static string Height(Field field)
    {
        if (field.Type != FieldType.Textarea) return "8";
        var lines = (field.MaxLength ?? 500) switch { <= 100 => 2, <= 300 => 3, <= 1000 => 5, _ => 7 };
        return (lines * 8).ToString(CultureInfo.InvariantCulture);
    }

    private static object TableBlock(Field table)
    {
        var weights = table.Columns.Select(ColumnWeight).ToList();
        var total = weights.Sum();
        return new
        {
            table = true,
            label = table.Label,
            columns = table.Columns.Select((c, i) => new
            {
                label = c.Label,
                width = (weights[i] * 100 / total).ToString("0.#", CultureInfo.InvariantCulture),
            }).ToArray(),
            rows = Enumerable.Range(1, table.Rows)
                .Select(row => table.Columns.Select(c => ControlKey.Cell(table.Id, row, c.Id)).ToArray()).ToArray(),
        };
    }

    /// <summary>
    /// A column's share of the width, in characters: what its values need, and room for its placeholder
    /// (in the first row) so that no column's placeholder wraps much more than the others'.
    /// </summary>
    private static double ColumnWeight(Field column)
    {
        var content = column.Type switch
        {
            FieldType.Textarea => 20,
            FieldType.People => 12,
            FieldType.Text => (column.MaxLength ?? 100) > 30 ? 14 : 8,
            FieldType.Date => 9,
            FieldType.Choice => column.Options.Max(o => o.Length) + 2,
            FieldType.Choices => column.Options.Sum(o => o.Length + 2),
            FieldType.Checkbox => 2,
            _ => 4,
        };
        var placeholder = Math.Min(30, Placeholder.For(column, row: 1).Length);
        return Math.Max(content, placeholder);
    }
}
