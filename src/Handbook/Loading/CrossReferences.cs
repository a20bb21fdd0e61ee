using Handbook.Model;
using YamlDotNet.RepresentationModel;

namespace Handbook.Loading;

/// <summary>Checks what refers across files: unique article ids, and forms and articles naming each other.</summary>
internal static class CrossReferences
{
    public static void Check(Book book,
        IEnumerable<(string ArticleId, string FormId, YamlFile File, YamlNode Node)> formReferences,
        IEnumerable<(string FormId, string ArticleId, YamlFile File, YamlNode Node)> articleReferences,
        IReadOnlySet<string> failedArticleIds, IReadOnlySet<string> failedFormIds, List<Diagnostic> diagnostics)
    {
        foreach (var group in book.Articles.GroupBy(a => a.Id).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
                diagnostics.Add(new Diagnostic(duplicate.Path, 2, 1, Severity.Error, "duplicate-id",
                    $"文章编号“{duplicate.Id}”与 {first.Path} 重复"));
        }

        foreach (var (articleId, formId, file, node) in formReferences)
        {
            if (book.FindForm(formId) is null && !failedFormIds.Contains(formId))
                file.Error(node, "form-not-found", $"文章 {articleId} 引用的表单“{formId}”不存在（forms 文件夹中没有此编号的表单）");
        }

        foreach (var (formId, articleId, file, node) in articleReferences)
        {
            if (book.FindArticle(articleId) is null && !failedArticleIds.Contains(articleId))
                file.Error(node, "article-not-found", $"表单 {formId} 所属的文章“{articleId}”不存在");
        }
    }
}
