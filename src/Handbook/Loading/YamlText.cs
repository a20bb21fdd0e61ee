using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Handbook.Loading;

/// <summary>
/// One YAML document parsed, touching nothing shared: its root node, or the problem (reported by <see cref="YamlFile"/>).
/// Never throws: YamlDotNet's exceptions (some of them without a position, such as the InvalidOperationException of an
/// unclosed “[”) become a yaml-syntax problem, and nesting and alias expansion are bounded.
/// </summary>
internal sealed record YamlText(YamlNode? Root, SourceProblem? Error)
{
    /// <summary>The handbook's deepest structure (a table column's options) is 6 levels deep.</summary>
    public const int MaxDepth = 64;

    /// <summary>Nodes a document may have with its aliases expanded (the default handbook's largest form has 1,200).</summary>
    public const int MaxNodes = 100_000;

    public static YamlText Parse(string text)
    {
        var parser = new GuardedParser(new Parser(new StringReader(text)));
        try
        {
            var stream = new YamlStream();
            stream.Load(parser);
            return new YamlText(stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, null);
        }
        catch (LimitException e)
        {
            return new YamlText(null, new SourceProblem(Line(e.Start), Column(e.Start), "limit-exceeded", e.Message));
        }
        catch (Exception e)
        {
            // Any exception: YamlDotNet throws more than YamlException on some broken input, and the file is someone else's.
            var at = e is YamlException y ? y.Start : parser.Position;
            // Inside a flow collection opened on an earlier line, the editor's slip is the missing “]” or “}”.
            if (parser.OpenFlow is { } open && (e is not YamlException || at.Line > open.Start.Line))
            {
                var (opening, closing) = open is SequenceStart ? ("[", "]") : ("{", "}");
                // YamlDotNet's own message is kept for searching; its other exceptions say nothing an editor can use.
                var original = e is YamlException ? $"（{Original(e)}）" : "";
                return Syntax(open.Start, $"“{opening}”没有闭合：缺少“{closing}”或“,”{original}");
            }
            return Syntax(at, Translate(Original(e)));
        }
    }

    private static YamlText Syntax(Mark at, string message) =>
        new(null, new SourceProblem(Line(at), Column(at), "yaml-syntax", $"YAML 语法错误：{message}"));

    private static int Line(Mark mark) => (int)Math.Clamp(mark.Line, 1, int.MaxValue);

    private static int Column(Mark mark) => (int)Math.Clamp(mark.Column, 1, int.MaxValue);

    private static string Original(Exception e) => e.InnerException?.Message ?? e.Message;

    /// <summary>YamlDotNet's messages, said in the editor's words; the original stays in brackets for searching.</summary>
    private static readonly (string English, string Chinese)[] Messages =
    [
        ("mapping values are not allowed", "此处不能出现“键: 值”，值中含有冒号时请给整个值加引号"),
        ("found invalid mapping", "此处不能出现“键: 值”，值中含有冒号时请给整个值加引号"),
        ("did not find expected '-' indicator", "缩进不一致：请检查本行与上一行的缩进，列表项以“- ”开头"),
        ("did not find expected key", "缩进不一致或缺少键：请检查本行与上一行的缩进"),
        ("did not find expected ',' or ']'", "方括号列表未闭合：缺少“]”或“,”"),
        ("did not find expected ',' or '}'", "花括号映射未闭合：缺少“}”或“,”"),
        ("found unexpected end of stream", "文件意外结束：引号或括号未闭合"),
        ("cannot start any token", "出现了不能作为开头的字符（如制表符、@ 或 `）：请用空格缩进，或给值加引号"),
        ("Duplicate key", "同一层中键重复"),
    ];

    private static string Translate(string message)
    {
        var known = Messages.FirstOrDefault(m => message.Contains(m.English, StringComparison.OrdinalIgnoreCase));
        return known.Chinese is null ? message : $"{known.Chinese}（{message}）";
    }

    private sealed class LimitException(Mark start, string message) : Exception(message)
    {
        public Mark Start { get; } = start;
    }

    /// <summary>
    /// Passes YamlDotNet's parsing events on, keeping what positions an error needs and stopping a document that nests
    /// too deep (the object model is built recursively) or whose aliases expand too far (a “billion laughs”).
    /// </summary>
    private sealed class GuardedParser(IParser inner) : IParser
    {
        private readonly Stack<(ParsingEvent Start, long Nodes)> _open = new();
        private readonly Dictionary<AnchorName, long> _anchorSizes = [];
        private long _nodes;

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where parsing got to: the end of the last event read.</summary>
        public Mark Position { get; private set; } = Mark.Empty;

        /// <summary>The innermost open collection when it is written in brackets.</summary>
        public ParsingEvent? OpenFlow => _open.TryPeek(out var top) &&
            top.Start is SequenceStart { Style: SequenceStyle.Flow } or MappingStart { Style: MappingStyle.Flow } ? top.Start : null;

        public bool MoveNext()
        {
            if (!inner.MoveNext()) return false;
            var e = inner.Current!;
            Position = e.End;
            switch (e)
            {
                case SequenceStart or MappingStart:
                    if (_open.Count >= MaxDepth) throw new LimitException(e.Start, $"嵌套过深：超过 {MaxDepth} 层");
                    _nodes++;
                    _open.Push((e, _nodes));
                    break;
                case SequenceEnd or MappingEnd when _open.TryPop(out var open):
                    Anchored((NodeEvent)open.Start, _nodes - open.Nodes + 1);
                    break;
                case Scalar scalar:
                    _nodes++;
                    Anchored(scalar, 1);
                    break;
                case AnchorAlias alias:
                    // An alias to an anchor still open would make the document contain itself.
                    if (!_anchorSizes.TryGetValue(alias.Value, out var size))
                        throw new LimitException(e.Start, $"别名“*{alias.Value}”指向未定义或尚未结束的锚点");
                    _nodes += size;
                    break;
            }
            if (_nodes > MaxNodes) throw new LimitException(e.Start, $"别名展开后节点过多：超过 {MaxNodes} 个");
            return true;
        }

        private void Anchored(NodeEvent node, long size)
        {
            if (!node.Anchor.IsEmpty) _anchorSizes[node.Anchor] = size;
        }
    }
}
