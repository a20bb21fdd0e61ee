using System.Xml;

namespace Handbook.Validator.Extraction;

/// <summary>Reads docProps/custom.xml: property name → text value.</summary>
public static class CustomProperties
{
    public static Dictionary<string, string> Read(XmlReader reader)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "property")
                name = reader.GetAttribute("name");
            else if (name is not null && reader.Depth >= 2 && !reader.IsEmptyElement)
            {
                properties.TryAdd(name, reader.ReadElementContentAsString().Trim());
                name = null;
            }
        }
        return properties;
    }
}
