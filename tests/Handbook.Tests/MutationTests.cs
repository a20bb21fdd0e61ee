using System.Text;
using System.Text.RegularExpressions;
using Handbook.Loading;

namespace Handbook.Tests;

/// <summary>
/// Seeded single mutations of the default handbook's files, the slips and damage editors' tools really make: whatever
/// the bytes, the loader returns, and every diagnostic names a file of the handbook and a place inside it.
/// </summary>
public partial class MutationTests
{
    private const int Seed = 20261201;
    private const int Count = 400;

    static MutationTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex("^[a-z]+(-[a-z]+)*$")]
    private static partial Regex Code();

    [Fact]
    public void NoMutationOfAnyFileMakesTheLoaderThrowOrMisplaceADiagnostic()
    {
        using var copy = new HandbookCopy();
        var files = Directory.EnumerateFiles(copy.Root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(Seed);
        var kinds = Enum.GetValues<Mutation>();
        var reported = 0;
        for (var i = 0; i < Count; i++)
        {
            var file = files[random.Next(files.Length)];
            var kind = kinds[i % kinds.Length];
            var original = File.ReadAllBytes(file);
            File.WriteAllBytes(file, Mutate(kind, original, random));
            var what = $"mutation {i}: {kind} of {Path.GetRelativePath(copy.Root, file)}";

            var result = Load(copy.Root, what);

            foreach (var d in result.Diagnostics)
            {
                var full = Path.Combine(copy.Root, d.Path);
                Assert.True(File.Exists(full), $"{what}: {d} names no file of the handbook");
                Assert.True(d.Line >= 1 && d.Line <= LineCount(full) + 1 && d.Column >= 1, $"{what}: {d} is outside its file");
                Assert.Matches(Code(), d.Code);
                Assert.False(string.IsNullOrWhiteSpace(d.Message), $"{what}: {d} says nothing");
            }
            if (kind == Mutation.CrLfAndBom) Assert.True(result.Diagnostics.IsEmpty, $"{what}: {result.Diagnostics.FirstOrDefault()}");
            if (result.HasErrors) reported++;
            File.WriteAllBytes(file, original);
        }
        // Most mutations break something; a run where none is reported would mean the mutations do not reach the loader.
        Assert.True(reported > Count / 2, $"only {reported} of {Count} mutations were reported");
    }

    private static LoadResult Load(string root, string what)
    {
        try
        {
            return BookLoader.Load(root);
        }
        catch (Exception e)
        {
            throw new Xunit.Sdk.XunitException($"{what}: the loader threw {e}");
        }
    }

    private enum Mutation
    {
        DeleteLine, DuplicateLine, Indent, Outdent, Tab, DropBracket, DropQuote, AddColon, Truncate, BinaryJunk, Nul,
        Gbk, HugeNumber, DeepNesting, AliasBomb, CrLfAndBom,
    }

    private static readonly string[] HugeNumbers =
        ["79228162514264337593543950335", "79228162514264337593543950336", "1e400", "-99999999999999999999999999999999", "4294967296"];

    private static byte[] Mutate(Mutation kind, byte[] bytes, Random random)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var lines = text.Split('\n').ToList();
        var at = random.Next(lines.Count);
        switch (kind)
        {
            case Mutation.Truncate:
                return bytes[..random.Next(bytes.Length)];
            case Mutation.BinaryJunk:
                var junk = new byte[random.Next(1, 64)];
                random.NextBytes(junk);
                return Insert(bytes, random.Next(bytes.Length), junk);
            case Mutation.Nul:
                return Insert(bytes, random.Next(bytes.Length), [0]);
            case Mutation.Gbk:
                return Encoding.GetEncoding("GBK").GetBytes(text);
            case Mutation.CrLfAndBom:
                return [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))];
            case Mutation.DeleteLine:
                lines.RemoveAt(at);
                break;
            case Mutation.DuplicateLine:
                lines.Insert(at, lines[at]);
                break;
            case Mutation.Indent:
                lines[at] = new string(' ', random.Next(1, 4)) + lines[at];
                break;
            case Mutation.Outdent:
                lines[at] = lines[at].TrimStart();
                break;
            case Mutation.Tab:
                lines[at] = "\t" + lines[at].TrimStart(' ');
                break;
            case Mutation.DropBracket:
                return Utf8(DropOne(text, "[]{}", random));
            case Mutation.DropQuote:
                return Utf8(DropOne(text, "\"'", random));
            case Mutation.AddColon:
                lines[at] += ": x: y";
                break;
            case Mutation.HugeNumber:
                var numbers = Regex.Matches(text, @"\d+").ToArray();
                if (numbers.Length == 0) return bytes;
                var number = numbers[random.Next(numbers.Length)];
                return Utf8(text[..number.Index] + HugeNumbers[random.Next(HugeNumbers.Length)] + text[(number.Index + number.Length)..]);
            case Mutation.DeepNesting:
                lines[at] += " " + new string(random.Next(2) == 0 ? '[' : '{', random.Next(50, 20_000));
                break;
            case Mutation.AliasBomb:
                // Inserted after the first line: inside the front matter of an article, at the top of a form.
                var bomb = Enumerable.Range(1, 9).Select(n => $"b{n}: &b{n} [{string.Join(", ", Enumerable.Repeat($"*b{n - 1}", 9))}]");
                lines.InsertRange(Math.Min(1, lines.Count), ["b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]", .. bomb]);
                break;
        }
        return Utf8(string.Join('\n', lines));
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted) => [.. bytes[..at], .. inserted, .. bytes[at..]];

    private static string DropOne(string text, string chars, Random random)
    {
        var places = Enumerable.Range(0, text.Length).Where(i => chars.Contains(text[i], StringComparison.Ordinal)).ToArray();
        return places.Length == 0 ? text : text.Remove(places[random.Next(places.Length)], 1);
    }

    private static int LineCount(string path) => File.ReadAllBytes(path).Count(b => b == '\n') + 1;

    /// <summary>A copy of the default handbook in a temporary folder.</summary>
    private sealed class HandbookCopy : IDisposable
    {
        public string Root { get; } = Path.Combine(Path.GetTempPath(), "handbook-mutation-" + Guid.NewGuid().ToString("N"));

        public HandbookCopy()
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Handbook, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(Root, Path.GetRelativePath(RepositoryPaths.Handbook, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
