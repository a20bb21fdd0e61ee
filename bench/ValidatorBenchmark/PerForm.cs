using System.Diagnostics;
using System.IO.Compression;
using Handbook.Model;

namespace Handbook.Validator.Benchmark;

/// <summary>
/// How fast the records of each form are checked, in this process on one thread, once warm: the forms differ
/// tenfold in size (a table of 100 prefilled rows against a page of fields), so one mix figure hides a lot.
/// </summary>
internal static class PerForm
{
    public static void Report(Book book, RecordSet records, int rounds)
    {
        var validator = new RecordValidator(book);
        // Warm: every method of the path compiled at its final tier before anything is timed (tiering takes
        // seconds here: see docs/validator.md).
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < 8)
            for (var i = 0; i < records.Forms.Count; i++) validator.Validate("x.docx", records.Valid(i));
        Console.WriteLine("表单  字段  document.xml  每份用时  每秒（单线程）");
        for (var i = 0; i < records.Forms.Count; i++)
        {
            var data = records.Valid(i);
            // The best of five rounds: the machine is shared, and other work only ever adds time.
            var best = Enumerable.Range(0, 5).Min(_ =>
            {
                var watch = Stopwatch.StartNew();
                for (var n = 0; n < rounds; n++) validator.Validate("x.docx", data);
                return watch.Elapsed.TotalMicroseconds / rounds;
            });
            var form = records.Forms[i];
            Console.WriteLine($"{form.Id}  {form.Fields.Length,4}  {DocumentKb(data),9:0} KB  {best,6:0} µs  {1e6 / best,8:0}");
        }
    }

    public static double DocumentKb(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        return zip.GetEntry("word/document.xml")!.Length / 1024.0;
    }
}
