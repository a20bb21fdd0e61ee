using System.Text.Json;
using Handbook.Loading;
using Handbook.Tests;
using Handbook.Validator.Fixtures;
using Handbook.Validator.Packaging;
using static Handbook.Validator.Tests.TestHandbook;

namespace Handbook.Validator.Tests;

/// <summary>
/// validator/handbook.bin, what the browser validator reads instead of the handbook's sources: read back, it checks
/// records exactly as the loaded handbook does (the browser tests compare the page with the command line as well).
/// </summary>
public class ValidatorDataTests
{
    private static byte[] Write(Model.Book book)
    {
        using var buffer = new MemoryStream();
        ValidatorData.Write(buffer, book);
        return buffer.ToArray();
    }

    public static TheoryData<string> Handbooks() =>
        [RepositoryPaths.Handbook, Path.Combine(RepositoryPaths.Root, "tests", "Handbook.Tests", "Fixtures", "station")];

    [Theory]
    [MemberData(nameof(Handbooks))]
    public void Read_back_it_writes_the_same_data(string folder)
    {
        var data = Write(BookLoader.Load(folder).Book!);
        Assert.Equal(data, Write(ValidatorData.Read(data)));
    }

    [Fact]
    public void Read_back_it_finds_the_same_in_every_form_valid_or_not()
    {
        var read = new RecordValidator(ValidatorData.Read(Write(Book)), PackageLimits.Default, () => Today);
        foreach (var form in Book.Forms)
        {
            var valid = Record(form.Id);
            var emptied = Record(form.Id, v => v.Clear());
            foreach (var (name, record) in RecordMutations.Make(valid, 20261202, 4).Prepend(("emptied", emptied)).Prepend(("valid", valid)))
                Assert.Equal(Json(TestHandbook.Validator.Validate(name, record)), Json(read.Validate(name, record)));
        }
    }

    [Fact]
    public void Data_not_written_by_it_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => ValidatorData.Read("{\"title\": 1}"u8.ToArray()));
        Assert.Throws<InvalidDataException>(() => ValidatorData.Read("PK\u0003\u0004"u8.ToArray()));
    }

    [Fact]
    public void Data_cut_short_or_damaged_anywhere_is_refused_never_misread_or_thrown_otherwise()
    {
        var data = Write(Book);
        for (var length = 0; length < data.Length; length += 97)
            Assert.Throws<InvalidDataException>(() => ValidatorData.Read(data.AsSpan(0, length)));
        var damaged = 0;
        for (var at = 5; at < data.Length; at += 89)
        {
            var copy = (byte[])data.Clone();
            copy[at] ^= 0xA5;
            try
            {
                ValidatorData.Read(copy);
            }
            catch (InvalidDataException)
            {
                damaged++;
            }
        }
        Assert.True(damaged > 0);
    }

    private static string Json(FileReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer)) FileReportJson.Write(json, report);
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
