using Handbook.Office.Word;
using Handbook.Publisher.Site;

namespace Handbook.Publisher.Build;

/// <summary>
/// The templates folder's form layouts, site templates and Word styles, each read once, when first used: the template
/// check and the outputs of one build share them.
/// </summary>
internal sealed class Layouts
{
    private readonly Lazy<StyleSheet> _styles;
    private readonly Lazy<SiteTemplates> _site;
    private readonly Lazy<FormLayout> _forms;

    public Layouts(string templates)
    {
        _styles = new(() => StyleSheet.Load(templates));
        _site = new(() => SiteTemplates.Load(templates));
        // The form layouts take the page's width from the styles; a templates folder without them gets the default page.
        _forms = new(() => FormLayout.Load(templates, StyleSheet.ExistsIn(templates) ? Styles : null));
    }

    public FormLayout Forms => _forms.Value;

    public SiteTemplates Site => _site.Value;

    /// <summary>The Word look (templates/word/styles.yml) of the forms, the printed handbook and the reminder table.</summary>
    public StyleSheet Styles => _styles.Value;
}
