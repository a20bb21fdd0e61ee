using Handbook.Model;

namespace Handbook.Publisher.Build;

/// <summary>
/// What `check` and `build` say of the templates, the same in both: every template of the form layouts and the site
/// parsed, and rendered once against the loaded handbook, so a broken look fails like a broken link.
/// </summary>
internal static class TemplateCheck
{
    /// <param name="source">The handbook folder as the user named it, to show paths as they can open them.</param>
    /// <param name="templates">The templates folder likewise.</param>
    /// <param name="layouts">The layouts of that folder.</param>
    public static List<Diagnostic> Run(Book book, string source, string templates, Layouts layouts, int year, bool forms, bool site)
    {
        var diagnostics = new List<Diagnostic>();
        if (forms)
        {
            var (inTemplates, inHandbook) = layouts.Forms.Check(book);
            diagnostics.AddRange(inTemplates.Select(d => d.Under(templates)));
            diagnostics.AddRange(inHandbook.Select(d => d.Under(source)));
        }
        if (site) diagnostics.AddRange(layouts.Site.Check(book, year).Select(d => d.Under(templates)));
        return diagnostics;
    }
}
