using Handbook.Model;

namespace Handbook.Publisher.Build;

/// <summary>One output of the build (the site, the Word forms, …), written into the staging folder.</summary>
internal interface IOutput
{
    /// <summary>The name used with `build --only`.</summary>
    string Name { get; }

    void Write(Book book, BuildContext context);
}

/// <param name="Output">The staging folder: everything is written here and moved into place when complete.</param>
/// <param name="Templates">The templates folder (the look).</param>
/// <param name="Year">The year the reminder tables and calendar are made for.</param>
/// <param name="Layouts">The templates folder's layouts, parsed once for the build.</param>
internal sealed record BuildContext(string Output, string Templates, int Year, Layouts Layouts);
