namespace Handbook.Office.Templates;

/// <summary>
/// HTML that a template writes as it is: rendered Markdown, a page body, a rendered partial. Every other value a
/// template writes is HTML-escaped, so a title or a label can never become markup.
/// </summary>
public sealed class TrustedHtml(string html)
{
    public string Html { get; } = html;

    public override string ToString() => Html;
}
