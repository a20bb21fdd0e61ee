using System.Buffers.Binary;
using AngleSharp.Dom;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Handbook.Office.Word;

/// <summary>An &lt;img&gt; from the handbook's folder as an inline picture, at most as wide as the text.</summary>
internal static class Images
{
    public static Run Run(WordPackage package, string? imageDir, IElement img)
    {
        var src = Uri.UnescapeDataString(img.GetAttribute("src") ?? "");
        var file = Path.GetFullPath(Path.Combine(imageDir ?? ".", src));
        if (!File.Exists(file)) throw new InvalidDataException($"找不到图片“{src}”（{file}）。");
        var bytes = File.ReadAllBytes(file);
        var (type, width, height) = Measure(bytes)
            ?? throw new InvalidDataException($"图片“{file}”不是 PNG、JPEG 或 GIF 文件，无法放入 Word 文档。");
        var part = package.Main.AddImagePart(type);
        using (var stream = new MemoryStream(bytes)) part.FeedData(stream);

        // Pixels at 96 dpi, shrunk to the text width.
        const long emuPerPixel = 9525;
        var maxWidth = package.TextWidthTwips * 635L;
        var scale = Math.Min(1.0, (double)maxWidth / (width * emuPerPixel));
        var cx = (long)(width * emuPerPixel * scale);
        var cy = (long)(height * emuPerPixel * scale);
        var id = (uint)package.NextId();
        var name = Path.GetFileName(file);
        var alt = img.GetAttribute("alt") ?? "";
        return new Run(new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.DocProperties { Id = id, Name = name, Description = alt },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(new PIC.Picture(
                new PIC.NonVisualPictureProperties(
                    new PIC.NonVisualDrawingProperties { Id = id, Name = name },
                    new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = package.Main.GetIdOfPart(part) }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0,
        }));
    }

    /// <summary>The type and pixel size from the file header.</summary>
    private static (PartTypeInfo Type, int Width, int Height)? Measure(byte[] b)
    {
        if (b.Length > 24 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
            return (ImagePartType.Png, BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(b.AsSpan(20)));
        if (b.Length > 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F')
            return (ImagePartType.Gif, BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(6)), BinaryPrimitives.ReadInt16LittleEndian(b.AsSpan(8)));
        if (b.Length > 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            // Walk the JPEG segments to the start-of-frame marker, which holds the size.
            var i = 2;
            while (i + 9 < b.Length && b[i] == 0xFF)
            {
                var marker = b[i + 1];
                var length = BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 2));
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                    return (ImagePartType.Jpeg, BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 7)), BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(i + 5)));
                i += 2 + length;
            }
        }
        return null;
    }
}
