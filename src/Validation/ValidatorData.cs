using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using Handbook.Model;
using Handbook.Rules;

namespace Handbook.Validator;

/// <summary>
/// What a <see cref="RecordValidator"/> reads of a handbook: the forms with their fields and rules, the scoring items
/// with their articles' ids, and the grading bands. `publisher build` writes it into the site (validator/handbook.bin)
/// and the browser validator reads it back, so that the browser parses no YAML or Markdown and ships no parser of them.
/// This class is the one writer and the one reader of that file.
/// <para>
/// Binary, with text as UTF-16: the browser's runtime is interpreted, and there reading the same data as JSON took
/// over a second, most of it decoding UTF-8 character by character; UTF-16 text is copied as it is.
/// </para>
/// </summary>
public static class ValidatorData
{
    /// <summary>"HBVD" and the format's version: data of another format is refused, not misread.</summary>
    private static readonly byte[] Magic = "HBVD\u0001"u8.ToArray();

    public static void Write(Stream stream, Book book)
    {
        using var writer = new BinaryWriter(stream, Encoding.Unicode, leaveOpen: true);
        writer.Write(Magic);
        Text(writer, book.Info.Title);
        Text(writer, book.Info.Organization);
        Text(writer, book.Info.Edition);
        Text(writer, book.Info.Language);
        OptionalText(writer, book.Info.Repository);
        writer.Write7BitEncodedInt(book.Info.Grading.Length);
        foreach (var band in book.Info.Grading)
        {
            Text(writer, band.Grade);
            writer.Write(band.Min);
        }
        var articles = book.Articles.Where(a => a.Scoring.Length > 0).ToList();
        writer.Write7BitEncodedInt(articles.Count);
        foreach (var article in articles)
        {
            Text(writer, article.Id);
            Text(writer, article.Title);
            writer.Write7BitEncodedInt(article.Scoring.Length);
            foreach (var item in article.Scoring) WriteScoringItem(writer, item);
        }
        writer.Write7BitEncodedInt(book.Forms.Length);
        foreach (var form in book.Forms) WriteForm(writer, form);
    }

    /// <summary>
    /// The handbook as a validator sees it: its articles are only those with scoring items, with their id, title and
    /// items (no body, schedule or part); its metadata has the default vocabulary.
    /// </summary>
    /// <exception cref="InvalidDataException">The data was not written by <see cref="Write"/> of this version.</exception>
    public static Book Read(ReadOnlySpan<byte> data)
    {
        if (!data.StartsWith(Magic)) throw new InvalidDataException("不是本程序写出的手册数据（文件头不符）");
        var reader = new DataReader(data[Magic.Length..]);
        try
        {
            var title = reader.Text();
            var organization = reader.Text();
            var edition = reader.Text();
            var language = reader.Text();
            var repository = reader.OptionalText();
            var grading = ImmutableArray.CreateBuilder<GradeBand>();
            for (var count = reader.Count(); count > 0; count--) grading.Add(new GradeBand(reader.Text(), reader.Decimal()));
            var articles = ImmutableArray.CreateBuilder<Article>();
            for (var count = reader.Count(); count > 0; count--)
            {
                var (id, articleTitle) = (reader.Text(), reader.Text());
                var scoring = ImmutableArray.CreateBuilder<ScoringItem>();
                for (var items = reader.Count(); items > 0; items--) scoring.Add(ReadScoringItem(ref reader));
                articles.Add(new Article(id, articleTitle, 0, "", [], [], scoring.ToImmutable(), default, "", "", "", 0));
            }
            var forms = ImmutableArray.CreateBuilder<Form>();
            for (var count = reader.Count(); count > 0; count--) forms.Add(ReadForm(ref reader));
            if (!reader.AtEnd) throw new InvalidDataException("手册数据的末尾有多余的内容");
            var info = new BookInfo(title, organization, edition, language, repository, grading.ToImmutable(), Vocabulary.Default);
            return new Book("", info, [new Part(1, "", "", articles.ToImmutable())], forms.ToImmutable());
        }
        catch (Exception e) when (e is ArgumentException or OverflowException or RuleException)
        {
            // Cut short or damaged: a length past the end, a decimal or enum out of range, a rule that does not parse.
            throw new InvalidDataException("手册数据已损坏：" + e.Message, e);
        }
    }

    private static void WriteScoringItem(BinaryWriter writer, ScoringItem item)
    {
        Text(writer, item.Item);
        writer.Write(item.Points);
        Text(writer, item.Deduct);
        OptionalText(writer, item.Evidence);
        writer.Write(item.PerMissing);
    }

    private static ScoringItem ReadScoringItem(ref DataReader reader) =>
        new(reader.Text(), reader.Decimal(), reader.Text()) { Evidence = reader.OptionalText(), PerMissing = reader.Decimal() };

    private static void WriteForm(BinaryWriter writer, Form form)
    {
        Text(writer, form.Id);
        Text(writer, form.Title);
        Text(writer, form.Version);
        Text(writer, form.Article);
        writer.Write((int)form.Period);
        OptionalText(writer, form.Layout);
        Text(writer, form.Path);
        OptionalText(writer, form.UnitField);
        OptionalText(writer, form.UnitLevel);
        OptionalText(writer, form.DateField);
        writer.Write7BitEncodedInt(form.Fields.Length);
        foreach (var field in form.Fields) WriteField(writer, field);
        writer.Write7BitEncodedInt(form.Rules.Length);
        foreach (var rule in form.Rules)
        {
            // A rule is kept as its source text and parsed again: the same parser as the loader's gives the same tree.
            writer.Write(rule is CheckRule);
            Text(writer, rule.Source);
            OptionalText(writer, rule.Message);
            if (rule is not RequireRule require) continue;
            writer.Write7BitEncodedInt(require.Require.Length);
            foreach (var id in require.Require) Text(writer, id);
        }
    }

    private static Form ReadForm(ref DataReader reader)
    {
        var (id, title, version, article) = (reader.Text(), reader.Text(), reader.Text(), reader.Text());
        var period = reader.EnumValue<RecordPeriod>();
        var layout = reader.OptionalText();
        var path = reader.Text();
        var (unitField, unitLevel, dateField) = (reader.OptionalText(), reader.OptionalText(), reader.OptionalText());
        var fields = ImmutableArray.CreateBuilder<Field>();
        for (var count = reader.Count(); count > 0; count--) fields.Add(ReadField(ref reader));
        var rules = ImmutableArray.CreateBuilder<Rule>();
        for (var count = reader.Count(); count > 0; count--)
        {
            var isCheck = reader.Bool();
            var (source, message) = (reader.Text(), reader.OptionalText());
            if (isCheck)
            {
                rules.Add(new CheckRule(source, message ?? throw new InvalidDataException("手册数据已损坏：检查规则没有提示"), ExpressionParser.Parse(source)));
                continue;
            }
            var require = ImmutableArray.CreateBuilder<string>();
            for (var ids = reader.Count(); ids > 0; ids--) require.Add(reader.Text());
            rules.Add(new RequireRule(source, message, ExpressionParser.Parse(source), require.ToImmutable()));
        }
        return new Form(id, title, version, article, period, layout, fields.ToImmutable(), rules.ToImmutable(), path)
        {
            UnitField = unitField,
            UnitLevel = unitLevel,
            DateField = dateField,
        };
    }

    private static void WriteField(BinaryWriter writer, Field field)
    {
        Text(writer, field.Id);
        Text(writer, field.Label);
        writer.Write((int)field.Type);
        writer.Write(field.Required);
        OptionalText(writer, field.Help);
        Optional(writer, field.Min, writer.Write);
        Optional(writer, field.Max, writer.Write);
        Optional(writer, field.MinDate?.DayNumber, writer.Write);
        Optional(writer, field.MaxDate?.DayNumber, writer.Write);
        Optional(writer, field.MinLength, writer.Write);
        Optional(writer, field.MaxLength, writer.Write);
        OptionalText(writer, field.Pattern);
        writer.Write7BitEncodedInt(field.Options.Length);
        foreach (var option in field.Options) Text(writer, option);
        Optional(writer, field.MinCount, writer.Write);
        Optional(writer, field.MaxCount, writer.Write);
        writer.Write7BitEncodedInt(field.Columns.Length);
        foreach (var column in field.Columns) WriteField(writer, column);
        writer.Write(field.MinRows);
        writer.Write(field.Rows);
    }

    private static Field ReadField(ref DataReader reader)
    {
        var (id, label, type, required, help) = (reader.Text(), reader.Text(), reader.EnumValue<FieldType>(), reader.Bool(), reader.OptionalText());
        var min = reader.OptionalDecimal();
        var max = reader.OptionalDecimal();
        var minDate = reader.OptionalDate();
        var maxDate = reader.OptionalDate();
        var minLength = reader.OptionalInt();
        var maxLength = reader.OptionalInt();
        var pattern = reader.OptionalText();
        var options = ImmutableArray.CreateBuilder<string>();
        for (var count = reader.Count(); count > 0; count--) options.Add(reader.Text());
        var minCount = reader.OptionalInt();
        var maxCount = reader.OptionalInt();
        var columns = ImmutableArray.CreateBuilder<Field>();
        for (var count = reader.Count(); count > 0; count--) columns.Add(ReadField(ref reader));
        return new Field(id, label, type, required, help, min, max, minDate, maxDate, minLength, maxLength, pattern,
            options.ToImmutable(), minCount, maxCount, columns.ToImmutable(), reader.Int(), reader.Int());
    }

    private static void Text(BinaryWriter writer, string text)
    {
        writer.Write7BitEncodedInt(text.Length);
        writer.Write(Encoding.Unicode.GetBytes(text));
    }

    private static void OptionalText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null) Text(writer, text);
    }

    private static void Optional<T>(BinaryWriter writer, T? value, Action<T> write) where T : struct
    {
        writer.Write(value.HasValue);
        if (value is { } v) write(v);
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> and <see cref="Text"/> wrote, from memory.</summary>
    private ref struct DataReader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> rest = data;

        public readonly bool AtEnd => rest.IsEmpty;

        public int Count()
        {
            // BinaryWriter.Write7BitEncodedInt: seven bits a byte, low bits first, the high bit set on all but the last.
            var value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                var b = Take(1)[0];
                value |= (b & 0x7F) << shift;
                if (b < 0x80) return value >= 0 ? value : throw new ArgumentException("长度为负");
            }
            throw new ArgumentException("长度的编码过长");
        }

        public int Int() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public bool Bool() => Take(1)[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new ArgumentException("布尔值不是 0 或 1"),
        };

        public decimal Decimal()
        {
            // BinaryWriter.Write(decimal): lo, mid, hi and flags, each little-endian; the constructor checks the flags.
            var bytes = Take(16);
            ReadOnlySpan<int> bits =
            [
                BinaryPrimitives.ReadInt32LittleEndian(bytes), BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]),
                BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]), BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]),
            ];
            return new decimal(bits);
        }

        public T EnumValue<T>() where T : struct, System.Enum
        {
            var value = Int();
            var result = (T)(object)value;
            return System.Enum.IsDefined(result) ? result : throw new ArgumentException($"{typeof(T).Name} 没有取值 {value}");
        }

        public string Text()
        {
            var bytes = Take(checked(Count() * 2));
            return BitConverter.IsLittleEndian ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : Encoding.Unicode.GetString(bytes);
        }

        public string? OptionalText() => Bool() ? Text() : null;

        public int? OptionalInt() => Bool() ? Int() : null;

        public decimal? OptionalDecimal() => Bool() ? Decimal() : null;

        /// <summary>A date written as its day number.</summary>
        public DateOnly? OptionalDate() => Bool() ? DateOnly.FromDayNumber(Int()) : null;

        private ReadOnlySpan<byte> Take(int length)
        {
            if (length > rest.Length) throw new ArgumentException("数据在此提前结束");
            var taken = rest[..length];
            rest = rest[length..];
            return taken;
        }
    }
}
