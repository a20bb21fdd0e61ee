using System.Text;
using Handbook.Validator.Findings;

namespace Handbook.Validator.Packaging;

/// <summary>Recognizes, from the first bytes, files that are not a .docx package and names what they are.</summary>
internal static class FileSignature
{
    private static readonly byte[] Zip = "PK\u0003\u0004"u8.ToArray();
    private static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    // An encrypted .docx is an OLE compound file holding these streams (MS-OFFCRYPTO).
    private static readonly byte[] EncryptedPackage = Encoding.Unicode.GetBytes("EncryptedPackage");
    private static readonly byte[] EncryptionInfo = Encoding.Unicode.GetBytes("EncryptionInfo");

    /// <summary>Null when the bytes start like a zip package; otherwise the finding that refuses them.</summary>
    public static Finding? Refuse(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
            return Finding.Error(Codes.EmptyFile, "文件是空的（0 字节），可能上传或复制时出错，请重新提交");
        if (data.StartsWith(Zip)) return null;
        if (data.StartsWith(Ole))
            return data.IndexOf(EncryptedPackage) >= 0 || data.IndexOf(EncryptionInfo) >= 0
                ? Finding.Error(Codes.Encrypted, "文档设置了打开密码（已加密），无法读取；请取消密码后重新提交")
                : Finding.Error(Codes.LegacyDoc, "这是旧版 Word 97-2003 文档（.doc）或 WPS 旧格式，请用手册网站下载的表单填写，另存为 .docx 后提交");
        if (data.StartsWith("{\\rtf"u8))
            return Finding.Error(Codes.NotADocx, "这是 RTF 文件，不是 Word 表单（.docx），请用手册网站下载的表单填写");
        if (data.StartsWith("PK\u0005\u0006"u8))
            return Finding.Error(Codes.NotADocx, "这是一个空的压缩包，不是 Word 表单（.docx）");
        return Finding.Error(Codes.NotADocx, "不是 Word 表单（.docx）文件，无法读取");
    }
}
