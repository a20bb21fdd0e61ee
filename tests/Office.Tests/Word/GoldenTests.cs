using Handbook.Office.Word;

namespace Handbook.Tests.Word;

/// <summary>
/// Generated packages of the fixture handbook compared with the reviewed golden files
/// (tests/Office.Tests/Word/Golden). Regenerate with UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public class GoldenTests
{
    private static readonly string Fixture = Path.Combine(RepositoryPaths.Root, "tests/Office.Tests/Word/Fixtures/handbook");
    private static readonly string GoldenDir = Path.Combine(RepositoryPaths.Root, "tests/Office.Tests/Word/Golden");

    [Fact]
    public void Form_document_matches_its_golden_file()
    {
        var book = TestRepository.Load(Fixture);
        Compare("F01-form.txt", FormDocument.Create(book, book.Forms[0], TestRepository.Templates));
    }

    [Fact]
    public void Printed_handbook_matches_its_golden_file()
    {
        Compare("printed-handbook.txt", PrintedHandbook.Create(TestRepository.Load(Fixture), TestRepository.Templates));
    }

    private static void Compare(string name, byte[] package)
    {
        var actual = PackageView.Of(package);
        var path = Path.Combine(GoldenDir, name);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenDir);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing: run the tests with UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path);
        if (expected == actual) return;
        var line = expected.Split('\n').Zip(actual.Split('\n')).TakeWhile(p => p.First == p.Second).Count();
        Assert.Fail($"{name} differs from the golden file at line {line + 1}:\n" +
            $"expected: {expected.Split('\n').ElementAtOrDefault(line)}\nactual:   {actual.Split('\n').ElementAtOrDefault(line)}\n" +
            "If the change is intended, run the tests with UPDATE_GOLDEN=1 and review the diff.");
    }
}
