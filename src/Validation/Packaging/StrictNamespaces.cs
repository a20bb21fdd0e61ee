using System.Xml;

namespace Handbook.Validator.Packaging;

/// <summary>
/// Word's "Strict Open XML Document" format is the transitional one under other namespace names
/// (ISO/IEC 29500 Strict). Mapping them here, where parts are read, lets the rest of the validator know only
/// the transitional names.
/// </summary>
internal static class StrictNamespaces
{
    private const string StrictRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Strict namespace → transitional namespace, for the parts the validator reads.</summary>
    private static readonly Dictionary<string, string> Transitional = new(StringComparer.Ordinal)
    {
        ["http://purl.oclc.org/ooxml/wordprocessingml/main"] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        [StrictRelationships] = Relationships,
        ["http://purl.oclc.org/ooxml/officeDocument/customProperties"] = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
        ["http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes"] = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
    };

    private static readonly Dictionary<string, string> StrictOf = Transitional.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Relationship types whose last segment differs between the two (the rest only change their prefix).</summary>
    private static readonly Dictionary<string, string> RenamedTypes = new(StringComparer.Ordinal)
    {
        ["customProperties"] = "custom-properties",
        ["extendedProperties"] = "extended-properties",
    };

    /// <summary>The transitional name of a relationship type; a transitional (or unknown) type as it is.</summary>
    public static string RelationshipType(string type)
    {
        if (!type.StartsWith(StrictRelationships + "/", StringComparison.Ordinal)) return type;
        var name = type[(StrictRelationships.Length + 1)..];
        return $"{Relationships}/{RenamedTypes.GetValueOrDefault(name, name)}";
    }

    /// <summary>
    /// A reader that reports transitional namespace names for strict ones. Names come from the inner reader's
    /// name table, so that readers comparing atomized names by reference see the names they expect.
    /// </summary>
    public sealed class Reader(XmlReader inner) : XmlReader
    {
        private readonly Dictionary<string, string> atomized = Transitional.ToDictionary(p => p.Key, p => inner.NameTable.Add(p.Value), StringComparer.Ordinal);

        public override string NamespaceURI => Map(inner.NamespaceURI);

        public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix) is { } ns ? Map(ns) : null;

        public override string? GetAttribute(string name, string? namespaceURI) =>
            (namespaceURI is not null && StrictOf.TryGetValue(namespaceURI, out var strict) ? inner.GetAttribute(name, strict) : null)
            ?? inner.GetAttribute(name, namespaceURI);

        public override bool MoveToAttribute(string name, string? ns) =>
            (ns is not null && StrictOf.TryGetValue(ns, out var strict) && inner.MoveToAttribute(name, strict)) || inner.MoveToAttribute(name, ns);

        private string Map(string ns) => atomized.TryGetValue(ns, out var transitional) ? transitional : ns;

        public override int AttributeCount => inner.AttributeCount;
        public override string BaseURI => inner.BaseURI;
        public override int Depth => inner.Depth;
        public override bool EOF => inner.EOF;
        public override bool IsEmptyElement => inner.IsEmptyElement;
        public override string LocalName => inner.LocalName;
        public override XmlNameTable NameTable => inner.NameTable;
        public override XmlNodeType NodeType => inner.NodeType;
        public override string Prefix => inner.Prefix;
        public override ReadState ReadState => inner.ReadState;
        public override string Value => inner.Value;
        public override string GetAttribute(int i) => inner.GetAttribute(i);
        public override string? GetAttribute(string name) => inner.GetAttribute(name);
        public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
        public override bool MoveToElement() => inner.MoveToElement();
        public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
        public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
        public override bool Read() => inner.Read();
        public override bool ReadAttributeValue() => inner.ReadAttributeValue();
        public override void ResolveEntity() => inner.ResolveEntity();
    }
}
