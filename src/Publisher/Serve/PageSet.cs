namespace Handbook.Publisher.Serve;

/// <summary>The pages a change makes stale.</summary>
internal sealed class PageSet
{
    /// <summary>The articles whose page is rendered again, by index in site order.</summary>
    public HashSet<int> Articles { get; } = [];

    /// <summary>The articles whose text changed: their search passages and term shards are rewritten.</summary>
    public HashSet<int> Search { get; } = [];

    /// <summary>Every page but the articles (home, parts, forms, reminders, scoring, search, 404).</summary>
    public bool Others { get; set; }

    /// <summary>The site's static files (css, js).</summary>
    public bool Statics { get; set; }
}
