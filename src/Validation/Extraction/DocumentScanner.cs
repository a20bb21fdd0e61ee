using System.Text;
using System.Xml;

namespace Handbook.Validator.Extraction;

/// <summary>
/// One streaming pass over word/document.xml collecting content controls, table cell texts and
/// paragraphs. Text is concatenated across runs (Word splits text anywhere), with tabs, breaks and
/// paragraph ends kept as \t and \n; deleted text (tracked changes) is left out.
/// </summary>
public sealed class DocumentScanner
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string W14 = "http://schemas.microsoft.com/office/word/2010/wordml";
    private const int MaxParagraphs = 200;

    private readonly ScannedDocument document = new();
    // The namespaces as the reader's name table holds them: names are compared by reference, the way
    // XmlReader intends (a namespace URI compared by content costs as much as the rest of an element).
    private readonly string w;
    private readonly string w14;
    private readonly Stack<TableState> tables = new();
    private readonly Stack<ControlState> controls = new();
    private StringBuilder? paragraph;
    private bool inText;

    private sealed class TableState(int index, List<List<string>> rows, int depth)
    {
        public int Index { get; } = index;
        public List<List<string>> Rows { get; } = rows;
        public int Depth { get; } = depth;
        public int CellDepth { get; set; } = -1;
        public StringBuilder? Cell { get; set; }
    }

    private sealed class ControlState(int depth, int table, int row, int cell)
    {
        public int Depth { get; } = depth;
        public int Table { get; } = table;
        public int Row { get; } = row;
        public int Cell { get; } = cell;
        public int PropertiesDepth { get; set; } = -1;
        public bool InContent { get; set; }
        public string? Tag { get; set; }
        public string? Alias { get; set; }
        public ControlKind Kind { get; set; } = ControlKind.RichText;
        public bool Placeholder { get; set; }
        public string? Date { get; set; }
        public bool? Checked { get; set; }
        public StringBuilder Text { get; } = new();
    }

    private DocumentScanner(XmlNameTable names)
    {
        w = names.Add(W);
        w14 = names.Add(W14);
    }

    public static ScannedDocument Scan(XmlReader reader)
    {
        var scanner = new DocumentScanner(reader.NameTable);
        scanner.Run(reader);
        return scanner.document;
    }

    private void Run(XmlReader reader)
    {
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    Start(reader);
                    break;
                case XmlNodeType.EndElement:
                    End(reader);
                    break;
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA:
                    if (inText) Append(reader.Value);
                    break;
            }
        }
    }

    private void Start(XmlReader reader)
    {
        var ns = reader.NamespaceURI;
        var control = controls.Count > 0 ? controls.Peek() : null;
        if (control is { PropertiesDepth: >= 0, InContent: false })
        {
            ReadProperty(reader, control, ns);
            return;
        }
        if (!ReferenceEquals(ns, w)) return;
        var empty = reader.IsEmptyElement;
        switch (reader.LocalName)
        {
            case "t" when !empty:
                inText = true;
                break;
            case "tab":
                Append("\t");
                break;
            case "br" or "cr":
                Append("\n");
                break;
            case "noBreakHyphen":
                Append("-");
                break;
            case "p":
                StartParagraph();
                break;
            case "tbl" when !empty:
                var rows = new List<List<string>>();
                tables.Push(new TableState(document.Tables.Count, rows, reader.Depth));
                document.Tables.Add(rows);
                break;
            case "tr" when tables.Count > 0:
                tables.Peek().Rows.Add([]);
                break;
            case "tc" when tables.Count > 0 && !empty:
                tables.Peek().CellDepth = reader.Depth;
                tables.Peek().Cell = new StringBuilder();
                break;
            case "sdt" when !empty:
                // The control belongs to the cell open now, or (a cell-level control) to the next one: either way
                // its index is the number of cells finished so far in the row.
                var table = tables.Count > 0 ? tables.Peek() : null;
                var row = table is null || table.Rows.Count == 0 ? -1 : table.Rows.Count - 1;
                controls.Push(new ControlState(reader.Depth, table?.Index ?? -1, row, row < 0 ? -1 : table!.Rows[row].Count));
                break;
            case "sdtPr" when control is not null && !empty:
                control.PropertiesDepth = reader.Depth;
                break;
            case "sdtContent" when control is not null:
                control.InContent = true;
                break;
        }
    }

    private void ReadProperty(XmlReader reader, ControlState control, string ns)
    {
        if (ReferenceEquals(ns, w))
        {
            switch (reader.LocalName)
            {
                case "tag":
                    control.Tag = reader.GetAttribute("val", w);
                    break;
                case "alias":
                    control.Alias = reader.GetAttribute("val", w);
                    break;
                case "showingPlcHdr":
                    control.Placeholder = reader.GetAttribute("val", w) is not ("0" or "false");
                    break;
                case "date":
                    control.Kind = ControlKind.Date;
                    control.Date = reader.GetAttribute("fullDate", w);
                    break;
                case "dropDownList" or "comboBox":
                    control.Kind = ControlKind.DropDown;
                    break;
                case "text":
                    control.Kind = ControlKind.PlainText;
                    break;
            }
        }
        else if (ReferenceEquals(ns, w14))
        {
            switch (reader.LocalName)
            {
                case "checkbox":
                    control.Kind = ControlKind.Checkbox;
                    break;
                case "checked":
                    control.Checked = reader.GetAttribute("val", w14) is "1" or "true" or "on";
                    break;
            }
        }
    }

    private void End(XmlReader reader)
    {
        var control = controls.Count > 0 ? controls.Peek() : null;
        if (control is not null && reader.Depth == control.PropertiesDepth)
        {
            control.PropertiesDepth = -1;
            return;
        }
        if (!ReferenceEquals(reader.NamespaceURI, w)) return;
        switch (reader.LocalName)
        {
            case "t":
                inText = false;
                break;
            case "p" when tables.Count == 0 && paragraph is not null:
                if (document.Paragraphs.Count < MaxParagraphs) document.Paragraphs.Add(paragraph.ToString().Trim());
                paragraph = null;
                break;
            case "tc" when tables.Count > 0 && reader.Depth == tables.Peek().CellDepth:
                var table = tables.Peek();
                if (table.Rows.Count > 0) table.Rows[^1].Add(table.Cell!.ToString().Trim());
                table.Cell = null;
                table.CellDepth = -1;
                break;
            case "tbl" when tables.Count > 0 && reader.Depth == tables.Peek().Depth:
                tables.Pop();
                break;
            case "sdt" when control is not null && reader.Depth == control.Depth:
                controls.Pop();
                document.Controls.Add(new ScannedControl(control.Tag, control.Alias, control.Kind, control.Text.ToString().Trim(),
                    control.Placeholder, control.Date, control.Checked, control.Table, control.Row, control.Cell));
                break;
        }
    }

    private void StartParagraph()
    {
        // A paragraph after others in the same cell or control starts a new line.
        if (tables.Count > 0 && tables.Peek().Cell is { Length: > 0 } cell) cell.Append('\n');
        if (controls.Count > 0 && controls.Peek() is { InContent: true, Text.Length: > 0 } c) c.Text.Append('\n');
        if (tables.Count == 0) paragraph = new StringBuilder();
    }

    private void Append(string text)
    {
        if (tables.Count > 0) tables.Peek().Cell?.Append(text);
        paragraph?.Append(text);
        if (controls.Count > 0 && controls.Peek() is { InContent: true } c) c.Text.Append(text);
    }
}
