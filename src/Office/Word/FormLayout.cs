using System.Globalization;
using Handbook.Model;
using Handbook.Office.Templates;
using Handbook.Records;
using YamlDotNet.RepresentationModel;

namespace Handbook.Office.Word;

/// <summary>
/// The form layouts: templates/forms/&lt;name&gt;.sbn-html, rendered to the HTML subset with &lt;field&gt; elements. A form
/// names its layout (`layout: scoring`); without one it gets record. The model groups the fields so a layout needs no
/// logic (docs/templates.md says what it receives). Loaded once by whoever writes the forms.
/// </summary>
public sealed class FormLayout
{
    public const string Folder = "forms";
    public const string Default = "record";

    private readonly TemplateSet _templates;
    private readonly PageSetup _page;

    private FormLayout(TemplateSet templates, PageSetup page) => (_templates, _page) = (templates, page);

    /// <param name="templatesDir">The templates folder (with forms/*.sbn-html, and word/styles.yml for the page's width).</param>
    /// <param name="sheet">The Word styles of that folder when the caller has read them already (a build reads them once).</param>
    public static FormLayout Load(string templatesDir, StyleSheet? sheet = null)
    {
        var page = sheet?.Page ?? (StyleSheet.ExistsIn(templatesDir) ? StyleSheet.Load(templatesDir).Page : new PageSetup());
        return new(TemplateSet.Load(templatesDir, Folder), page);
    }

    public static string NameOf(Form form) => form.Layout ?? Default;

    /// <summary>The layout's file, relative to the templates folder.</summary>
    public string PathOf(Form form) => _templates.PathOf(NameOf(form));

    /// <summary>
    /// The page a form prints on: the style sheet's (A4 portrait), or the same paper turned to landscape when one of its
    /// tables does not fit the portrait width with every label on at most <see cref="MaxHeaderLines"/> lines and each
    /// column's room to write (<see cref="ColumnWidths"/>), in the fillable form or in the blank: both print alike.
    /// </summary>
    public PageSetup PageOf(Form form) =>
        form.Fields.Where(f => f.Type == FieldType.Table)
            .Any(t => !ColumnWidths(t.Columns, _page.TextWidth, forHand: false).Fits || !ColumnWidths(t.Columns, _page.TextWidth, forHand: true).Fits)
            ? _page.Landscape() : _page;

    /// <param name="page">The page it prints on (<see cref="PageOf"/>).</param>
    /// <param name="forHand">For the print-ready blank: rows fitted to what it prints (no prompts), choice columns' options above their table.</param>
    /// <exception cref="TemplateException">The layout fails.</exception>
    public string Render(Book book, Form form, PageSetup page, bool forHand = false)
    {
        if (!_templates.Contains(NameOf(form)))
            throw new InvalidDataException($"{form.Path}: 表单 {form.Id} 的版式“{NameOf(form)}”不存在（应有模板 {PathOf(form)}）。");
        Dictionary<string, object?> model;
        try
        {
            model = Model(book, form, page, forHand);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{form.Path}: {e.Message}", e);
        }
        return _templates.Render(NameOf(form), model);
    }

    /// <summary>
    /// Every layout's syntax, and every form rendered with its layout once: what is wrong in a layout (paths relative
    /// to the templates folder), and the forms that name a layout that does not exist (paths relative to the handbook).
    /// </summary>
    public (List<Diagnostic> Templates, List<Diagnostic> Handbook) Check(Book book)
    {
        var templates = _templates.Diagnostics.ToList();
        var handbook = new List<Diagnostic>();
        foreach (var form in book.Forms)
        {
            if (!_templates.Contains(NameOf(form)))
            {
                var (line, column) = LayoutKey(book, form);
                handbook.Add(new Diagnostic(form.Path, line, column, Severity.Error, "unknown-layout",
                    $"版式“{NameOf(form)}”不存在：{Folder} 文件夹中没有 {NameOf(form)}{TemplateSet.Extension}"));
                continue;
            }
            try
            {
                _templates.Render(NameOf(form), Model(book, form, PageOf(form), forHand: false));
            }
            catch (TemplateException e)
            {
                templates.Add(e.Diagnostic);
            }
            catch (InvalidDataException e) // the form does not fit its layout
            {
                handbook.Add(new Diagnostic(form.Path, 1, 1, Severity.Error, "invalid-layout", e.Message));
            }
        }
        return ([.. templates.Distinct()], handbook);
    }

    /// <summary>Where the form file names its layout (1-based line and column), for the diagnostic.</summary>
    private static (int Line, int Column) LayoutKey(Book book, Form form)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(book.Root, form.Path))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var value = root.Children[new YamlScalarNode("layout")];
        return ((int)value.Start.Line, (int)value.Start.Column);
    }

    private static Dictionary<string, object?> Model(Book book, Form form, PageSetup page, bool forHand)
    {
        var prefill = ScoringSheet.Is(form) ? ScoringPrefill(book, form) : [];
        return new()
        {
            ["Form"] = new { form.Id, form.Title, form.Version, CodeLine = FormIdentity.CodeLine(form.Id, form.Version) },
            ["Book"] = new { book.Info.Title, book.Info.Organization, book.Info.Edition, Grading = GradeBands.Sentence(book.Info.Grading) },
            ["Fields"] = form.Fields.ToDictionary(f => f.Id, f => new { f.Id, f.Label, f.Help }),
            ["Blocks"] = FittedToPages(Blocks(form, prefill, page.TextWidth, forHand), page.TextHeight),
        };
    }

    /// <summary>Row n of the scoring sheet's table holds the n-th scoring item of the handbook and its points.</summary>
    private static Dictionary<string, string> ScoringPrefill(Book book, Form form)
    {
        var table = form.FindField(ScoringSheet.Table)
            ?? throw new InvalidDataException($"表单 {form.Id} 使用评分表版式，但没有表格字段“{ScoringSheet.Table}”。");
        var items = book.ScoringItems.ToList();
        if (items.Count > table.Rows)
            throw new InvalidDataException(
                $"“{table.Label}”只印 {table.Rows} 行，手册有 {items.Count} 个评分项目；请把 rows 改为不少于 {items.Count}。");
        var prefill = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            prefill[ControlKey.Cell(table.Id, i + 1, ScoringSheet.Item)] = ScoringSheet.ItemName(items[i].Article, items[i].Item);
            prefill[ControlKey.Cell(table.Id, i + 1, ScoringSheet.Points)] = items[i].Item.Points.ToString("0.##", CultureInfo.InvariantCulture);
        }
        return prefill;
    }

    /// <summary>
    /// A part of the layout, in field order: a grid of label/value cells (Grid) for a run of ordinary fields, or a
    /// table field with its columns and printed rows (Table). Both have every member, so a layout may test either.
    /// </summary>
    /// <param name="LabelWidth">A grid's label column, in millimetres: wide enough for its longest label on one line.</param>
    /// <param name="Notes">Lines to print under a table's label: in the print-ready blank, the options of its choice columns.</param>
    public sealed record Block(bool Grid, bool Table, string? Label, IReadOnlyList<Column> Columns, IReadOnlyList<Row> Rows, string LabelWidth,
        IReadOnlyList<string> Notes)
    {
        /// <summary>The printed height of what a table has above its rows (its label, notes and header row), in millimetres.</summary>
        internal double HeadMm { get; init; }

        /// <summary>The printed height of a table's header row, which repeats on each page, in millimetres.</summary>
        internal double HeaderMm { get; init; }
    }

    /// <param name="Width">Its share of the table's width, in per cent.</param>
    public sealed record Column(string Label, string Width);

    /// <param name="Height">In millimetres.</param>
    public sealed record Row(IReadOnlyList<Cell> Cells, string Height)
    {
        /// <summary>The height its text takes when printed (labels, prompts, options), in millimetres: the row is at least that tall.</summary>
        internal double TextMm { get; init; }

        /// <summary>A grid's row for a text area: a box to write in, which may grow to fill a page.</summary>
        internal bool Box { get; init; }
    }

    /// <param name="Label">The field's label (a grid's cell), or null (a table's cell: its column has the label).</param>
    /// <param name="Field">The content control's name: the field id, or table.row.column.</param>
    /// <param name="Wide">A grid's cell that takes the whole row.</param>
    /// <param name="Value">What the control holds beforehand, or null.</param>
    public sealed record Cell(string? Label, string Field, bool Wide, string? Value);

    /// <summary>Height of what the record layout prints above its blocks, in millimetres: title and code line.</summary>
    private static double FormHeadMm => LineMm(22, 1.2) + PtMm(6) + LineMm(10.5, 1.2) + PtMm(6);

    /// <summary>Height of what it prints below them: the signature line and the edition line.</summary>
    private static double FormFootMm => SectionMm + LineMm(10.5, 1.2) + PtMm(6);

    /// <summary>What the estimate misses (borders, rounding), kept free on each page when fitting.</summary>
    private const double SpareMm = 6;

    /// <summary>The lowest rows may get to keep a form on one page: still room to write by hand.</summary>
    private const double MinRowScale = 0.8;

    /// <summary>
    /// A form that would spill a few rows onto one more page gets every row a little lower (at most to
    /// <see cref="MinRowScale"/>), so it prints on one page fewer; one on two pages anyway gets every row taller until
    /// its rows fill the second, so that page is writing room rather than a few rows alone. Rows do not split, so that
    /// stops when a tall row at the foot of the first page would move on; the writing boxes (text areas' rows) on the
    /// last page then share what is left of it, as on the last page of a longer form.
    /// </summary>
    private static List<Block> FittedToPages(List<Block> blocks, double pageHeightMm)
    {
        var room = pageHeightMm - SpareMm;
        var pages = Pages(blocks, 1, room);
        if (pages == 1) return blocks;
        if (Pages(blocks, MinRowScale, room) < pages) return Scaled(blocks, Largest(MinRowScale, 1, s => Pages(blocks, s, room) < pages));
        if (pages > 2) return LastPageFilled(blocks, room);
        return LastPageFilled(Scaled(blocks, Largest(1, MaxRowScale, s => Pages(blocks, s, room) == 2)), room);
    }

    private static List<Block> Scaled(List<Block> blocks, double scale) =>
        [.. blocks.Select(b => b with { Rows = [.. b.Rows.Select(r => r with { Height = Mm(Math.Floor(HeightMm(r) * scale * 10) / 10) })] })];

    /// <summary>The writing boxes on the last page made taller by what is left at its foot, in proportion to their heights (at most <see cref="MaxRowScale"/> times).</summary>
    private static List<Block> LastPageFilled(List<Block> blocks, double room)
    {
        var layout = Layout(blocks, 1, room);
        var boxes = blocks.SelectMany((b, i) => b.Rows.Where((r, j) => OnLast(i, j))).Sum(HeightMm);
        if (boxes == 0) return blocks;
        var grow = Math.Min(1 + layout.Free / boxes, MaxRowScale);
        return [.. blocks.Select((b, i) => b with { Rows = [.. b.Rows.Select((r, j) => OnLast(i, j) ? r with { Height = Mm(Math.Floor(HeightMm(r) * grow * 10) / 10) } : r)] })];

        bool OnLast(int block, int row) => blocks[block].Rows[row].Box && layout.Page[block][row] == layout.Pages;
    }

    /// <summary>The tallest rows may get to fill a page.</summary>
    private const double MaxRowScale = 3;

    /// <summary>The height of a one-line row, in millimetres.</summary>
    private const double RowMm = 8;

    private static int Pages(List<Block> blocks, double scale, double room) => Layout(blocks, scale, room).Pages;

    /// <summary>
    /// How the record layout prints with every row's height times <paramref name="scale"/> (a row is at least as tall
    /// as its text): a row that does not fit at the foot of a page moves to the next (rows do not split), a table's
    /// label stays with its header and first row, and the header repeats on each page. Gives the number of pages, the
    /// page of each row (by block, then row) and the room left at the foot of the last page, in millimetres.
    /// </summary>
    private static (int Pages, int[][] Page, double Free) Layout(List<Block> blocks, double scale, double room)
    {
        var (pages, used) = (1, FormHeadMm);
        var page = new int[blocks.Count][];
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            page[b] = new int[block.Rows.Count];
            for (var i = 0; i < block.Rows.Count; i++)
            {
                var row = Math.Max(HeightMm(block.Rows[i]) * scale, block.Rows[i].TextMm);
                Place(i == 0 ? block.HeadMm + row : row, block.HeaderMm);
                page[b][i] = pages;
                if (i == block.Rows.Count - 1 && block.Table) Place(ParagraphMm, 0);
            }
        }
        Place(FormFootMm, 0);
        return (pages, page, room - used);

        void Place(double height, double repeated)
        {
            if (used + height > room && used > 0) (pages, used) = (pages + 1, repeated);
            used += height;
        }
    }

    /// <summary>The largest value in [low, high] for which <paramref name="holds"/> is true, given that it holds at low and is monotone.</summary>
    private static double Largest(double low, double high, Func<double, bool> holds)
    {
        for (var i = 0; i < 30; i++)
        {
            var middle = (low + high) / 2;
            if (holds(middle)) low = middle;
            else high = middle;
        }
        return low;
    }

    private static double HeightMm(Row row) => double.Parse(row.Height, CultureInfo.InvariantCulture);

    /// <summary>
    /// One line of text in LibreOffice with the Noto CJK fonts: the font's line height is 1.445 em, times the line
    /// spacing (measured on the forms' PDFs: 五号 at 1.2 lines is 18.2 pt).
    /// </summary>
    private static double LineMm(double sizePt, double spacing) => PtMm(sizePt * spacing * 1.445);

    private static double PtMm(double pt) => pt * 25.4 / 72;

    /// <summary>A FormSection paragraph (黑体 小四 at 1.2 lines, 9 pt before and 3 after), as templates/word/styles.yml gives it.</summary>
    private static double SectionMm => LineMm(12, 1.2) + PtMm(12);

    /// <summary>The empty paragraph after a table (Normal: 小四 at 1.5 lines).</summary>
    private static double ParagraphMm => LineMm(12, 1.5);

    /// <summary>The height a cell's text takes: its lines in the cell's width (less its padding), and the cell's top and bottom margins (28 twips each).</summary>
    private static double TextMm(string text, double cellWidthMm, double sizePt, double spacing)
    {
        var width = cellWidthMm - 3;
        var character = PtMm(sizePt);
        int lines = 1;
        double line = 0;
        foreach (var c in text)
        {
            var w = TextWidth.IsWide(c) ? character : character / 2;
            if (line + w > width && line > 0) (lines, line) = (lines + 1, 0);
            line += w;
        }
        return lines * LineMm(sizePt, spacing) + 56 * 25.4 / 1440;
    }

    /// <summary>A label in a header cell (TableHeader: 黑体 五号 at 1.2 lines).</summary>
    private static double LabelTextMm(string label, double widthMm) => TextMm(label, widthMm, 10.5, 1.2);

    /// <summary>Runs of ordinary fields become grids; each table field is a block of its own.</summary>
    private static List<Block> Blocks(Form form, Dictionary<string, string> prefill, double textWidthMm, bool forHand)
    {
        var blocks = new List<Block>();
        var pending = new List<Field>();
        foreach (var field in form.Fields)
        {
            if (field.Type != FieldType.Table)
            {
                pending.Add(field);
                continue;
            }
            if (pending.Count > 0) blocks.Add(Grid(pending, textWidthMm, forHand));
            pending = [];
            blocks.Add(TableBlock(field, prefill, textWidthMm, forHand));
        }
        if (pending.Count > 0) blocks.Add(Grid(pending, textWidthMm, forHand));
        return blocks;
    }

    private static Block Grid(List<Field> fields, double textWidthMm, bool forHand)
    {
        var labelWidth = Math.Clamp(fields.Max(f => LabelMm(f.Label)), 25, 45);
        var rows = new List<Row>();
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
            rows.Add(new Row([GridCell(field, wide: true)], Height(field)) { TextMm = Text(field, textWidthMm - labelWidth), Box = field.Type == FieldType.Textarea });
        }
        FlushPair();
        return new Block(Grid: true, Table: false, Label: null, Columns: [], Rows: rows, Mm(labelWidth), Notes: []);

        void FlushPair()
        {
            if (half.Count == 0) return;
            var width = half.Count == 1 ? textWidthMm - labelWidth : textWidthMm / 2 - labelWidth;
            rows.Add(new Row([.. half.Select(f => GridCell(f, wide: half.Count == 1))], Mm(RowMm)) { TextMm = half.Max(f => Text(f, width)) });
            half.Clear();
        }

        // The label beside the value, or the value's text (TableText: 仿宋 五号 at 1.2 lines), whichever is taller.
        double Text(Field field, double width) => Math.Max(LabelTextMm(field.Label, labelWidth),
            TextMm(forHand ? FormControls.TextForHand(field, inTable: false) : FormControls.TextToFill(field, 0), width, 10.5, 1.2));
    }

    private static Cell GridCell(Field field, bool wide) => new(field.Label, field.Id, wide, null);

    private static bool IsWide(Field field) =>
        field.Type is FieldType.Textarea or FieldType.People or FieldType.Choices
        || field.Type == FieldType.Text && (field.MaxLength ?? 100) > 30
        || field.Type == FieldType.Choice && field.Options.Sum(o => o.Length) > 12;

    /// <summary>Row height in millimetres: one line, or for a text area as tall as the text it is meant to hold.</summary>
    private static string Height(Field field)
    {
        if (field.Type != FieldType.Textarea) return Mm(RowMm);
        var lines = (field.MaxLength ?? 500) switch { <= 100 => 2, <= 300 => 3, <= 1000 => 5, _ => 7 };
        return Mm(lines * RowMm);
    }

    private static Block TableBlock(Field table, Dictionary<string, string> prefill, double textWidthMm, bool forHand)
    {
        var widths = ColumnWidths(table.Columns, textWidthMm, forHand).Widths;
        widths = [.. widths.Select(w => w * textWidthMm / widths.Sum())];
        var columns = table.Columns.Select((c, i) =>
            new Column(c.Label, (widths[i] * 100 / textWidthMm).ToString("0.#", CultureInfo.InvariantCulture))).ToList();
        var rows = Enumerable.Range(1, table.Rows).Select(row =>
        {
            var cells = table.Columns.Select(c => ControlKey.Cell(table.Id, row, c.Id)).Select(name => new Cell(null, name, false, prefill.GetValueOrDefault(name))).ToList();
            // A table's cells print in FormCell: 仿宋 小五 at single spacing.
            var text = table.Columns.Select((c, i) => TextMm(cells[i].Value
                ?? (forHand ? FormControls.TextForHand(c, inTable: true) : FormControls.TextToFill(c, row)), widths[i], 9, 1)).Max();
            return new Row(cells, Mm(RowMm)) { TextMm = text };
        }).ToList();
        var notes = forHand ? OptionNotes(table) : [];
        var header = table.Columns.Select((c, i) => LabelTextMm(c.Label, widths[i])).Max();
        return new Block(Grid: false, Table: true, table.Label, columns, rows, LabelWidth: "0", notes)
        {
            // A note prints in FormNote: 仿宋 小五 at 1.2 lines, 3 pt after.
            HeadMm = SectionMm + notes.Sum(n => TextMm(n, textWidthMm + 3, 9, 1.2) + PtMm(3)) + header,
            HeaderMm = header,
        };
    }

    /// <summary>
    /// The options of a table's choice columns, once for the columns that share them, as a line to print above the
    /// table of the print-ready blank: its cells are writing space (<see cref="FormControls.TextForHand"/>).
    /// </summary>
    private static List<string> OptionNotes(Field table) =>
    [
        .. table.Columns.Where(c => c.Type is FieldType.Choice or FieldType.Choices)
            .GroupBy(c => (c.Type, Options: string.Join("\n", c.Options)))
            .Select(g =>
            {
                var labels = string.Join("、", g.Select(c => c.Label));
                var options = g.First().Options.Select(o => $"“{o}”").ToList();
                return g.Key.Type == FieldType.Choices ? $"{labels}填写{string.Concat(options)}中的一项或几项。"
                    : options.Count == 1 ? $"{labels}填写{options[0]}。"
                    : $"{labels}填写{string.Concat(options.SkipLast(1))}或{options[^1]}。";
            }),
    ];

    /// <summary>
    /// Column widths in millimetres across the page. Each column needs its label on one line and room to write its
    /// values by hand (a name, a date); the rest of the page goes to the columns that want more (text), in proportion
    /// to what they want. When the labels do not all fit on one line, the widest label wraps onto one more line, then
    /// the next widest, until they fit; the room to write stays (when even that does not fit, it shrinks in proportion).
    /// Fits: no label on more than <see cref="MaxHeaderLines"/> lines, and the room to write kept.
    /// </summary>
    /// <param name="forHand">For the print-ready blank, which prints what each column holds differently (<see cref="Hand"/>).</param>
    private static (double[] Widths, bool Fits) ColumnWidths(IReadOnlyList<Field> columns, double page, bool forHand)
    {
        var hand = columns.Select(c => Hand(c, forHand)).ToArray();
        var lines = columns.Select(_ => 1).ToArray();
        var needs = Needs();
        var wants = columns.Select((c, i) => Math.Max(needs[i], Want(c))).ToArray();
        if (wants.Sum() <= page) return ([.. wants.Select(w => w * page / wants.Sum())], true);
        while (needs.Sum() > page)
        {
            var wider = Enumerable.Range(0, columns.Count).Where(i => needs[i] > hand[i] && lines[i] < columns[i].Label.Length).ToList();
            if (wider.Count == 0) return ([.. hand.Select(n => n * page / hand.Sum())], false);
            lines[wider.MaxBy(i => (needs[i], -lines[i]))]++; // of two as wide, the one on fewer lines
            needs = Needs();
        }
        return (Between(needs, wants, page), lines.Max() <= MaxHeaderLines);

        double[] Needs() => [.. columns.Select((c, i) => Math.Max(hand[i], LabelMm(c.Label, lines[i])))];
    }

    /// <summary>The most lines a header label may take on a portrait page; a table that needs more prints on landscape.</summary>
    public const int MaxHeaderLines = 2;

    /// <summary>Each column from its low width towards its high one, sharing the page's spare room in proportion.</summary>
    private static double[] Between(double[] low, double[] high, double page)
    {
        var spare = page - low.Sum();
        var extra = high.Sum() - low.Sum();
        return [.. low.Select((n, i) => n + (high[i] - n) * spare / extra)];
    }

    /// <summary>What a column needs: its label on one line and room for a handwritten value.</summary>
    public static double NeedMm(Field column, bool forHand) => Math.Max(Hand(column, forHand), LabelMm(column.Label));

    /// <summary>
    /// Room for a handwritten value. A choice column holds its longest option (a drop-down prints only the chosen
    /// text; in the blank the cells are empty and the options print once above the table), so its label sets the
    /// width as a rule. A choices column of the fillable form prints a box before each option, so it needs room for one.
    /// </summary>
    private static double Hand(Field column, bool forHand) => column.Type switch
    {
        FieldType.Person => NameMm,
        FieldType.People => NameMm,
        FieldType.Date => 28,
        FieldType.Choice => Math.Max(WritingMm, column.Options.Max(o => TextMm(o))),
        FieldType.Choices when forHand => Math.Max(WritingMm, column.Options.Max(o => TextMm(o))),
        FieldType.Choices => column.Options.Max(o => TextMm(o)) + 8,
        FieldType.Checkbox => 8,
        FieldType.Text or FieldType.Textarea or FieldType.Integer or FieldType.Number or FieldType.Table => WritingMm,
    };

    /// <summary>The least room to write a few words or figures by hand.</summary>
    private const double WritingMm = 14;

    /// <summary>What a column would like: text columns room for their longer values.</summary>
    private static double Want(Field column) => column.Type switch
    {
        FieldType.Textarea => 60,
        FieldType.People => 40,
        FieldType.Text => (column.MaxLength ?? 100) > 30 ? 45 : 25,
        FieldType.Date or FieldType.Integer or FieldType.Number or FieldType.Choice or FieldType.Choices or FieldType.Checkbox
            or FieldType.Person or FieldType.Table => 0,
    };

    /// <summary>Room for a handwritten name (about 2.5 cm).</summary>
    public const double NameMm = 25.5;

    /// <summary>
    /// The width a label takes on one line in a header cell (黑体 五号, 10.5 pt, as templates/word/styles.yml gives
    /// TableHeader), with the cell's padding and a little to spare.
    /// </summary>
    public static double LabelMm(string label) => LabelMm(label, 1);

    /// <summary>The width a label takes in a header cell on at most <paramref name="lines"/> lines.</summary>
    private static double LabelMm(string label, int lines)
    {
        var perLine = Math.Max(1, (label.Length + lines - 1) / lines);
        return label.Chunk(perLine).Select(line => TextMm(new string(line))).DefaultIfEmpty(0).Max() + 4;
    }

    /// <summary>Text at 10.5 pt: a Chinese character is 3.7 mm wide, a Latin letter or digit about half that.</summary>
    private static double TextMm(string text) => text.Sum(c => TextWidth.IsWide(c) ? 3.7 : 1.9);

    private static string Mm(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
