using YamlDotNet.Serialization;

namespace Handbook.Office.Word;

/// <summary>The generated reader of styles.yml: the style sheet's classes, read without reflection.</summary>
[YamlStaticContext]
[YamlSerializable(typeof(StyleSheet))]
[YamlSerializable(typeof(PageSetup))]
[YamlSerializable(typeof(TableSetup))]
[YamlSerializable(typeof(StyleData))]
public partial class StyleSheetYaml : StaticContext;
