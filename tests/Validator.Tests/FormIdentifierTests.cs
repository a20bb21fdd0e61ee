using Handbook.Validator.Extraction;

namespace Handbook.Validator.Tests;

/// <summary>A record without its document properties is identified by its title, even when forms share one.</summary>
public class FormIdentifierTests
{
    private static ScannedDocument TitledDocument(string title)
    {
        var document = new ScannedDocument();
        document.Paragraphs.Add(title);
        return document;
    }

    [Fact]
    public void ASpacedOutTitleIdentifiesItsForm()
    {
        var form = TestHandbook.Form("F03");
        var spaced = string.Join(" ", form.Title.ToCharArray());

        var identity = FormIdentifier.Identify(new Dictionary<string, string>(), TitledDocument(spaced), TestHandbook.Book.Forms);

        Assert.Equal("F03", identity.Id);
    }

    [Fact]
    public void ATitleSharedByTwoFormsIdentifiesNeitherAndDoesNotThrow()
    {
        var form = TestHandbook.Form("F03");
        var forms = TestHandbook.Book.Forms.Add(form with { Id = "F99" });

        var identity = FormIdentifier.Identify(new Dictionary<string, string>(), TitledDocument(form.Title), forms);

        Assert.Null(identity.Id);
    }
}
