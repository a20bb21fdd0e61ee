namespace Handbook.Office.Templates;

/// <summary>A template failed while rendering; the diagnostic names the template file and the place.</summary>
public sealed class TemplateException(Diagnostic diagnostic) : Exception(diagnostic.ToString())
{
    /// <summary>Its Path is relative to the templates folder.</summary>
    public Diagnostic Diagnostic { get; } = diagnostic;
}
