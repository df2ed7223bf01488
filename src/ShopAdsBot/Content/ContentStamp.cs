using System.Security.Cryptography;
using System.Text;

namespace ShopAdsBot.Content;

/// <summary>
/// Proof that the content was validated when the app was built. The build validates the content next to the app (it
/// must, to compile the recognizer: <c>ShopAdsBot.dll compile-recognizer</c>) and then writes <see cref="FileName"/>:
/// a SHA-256 of every file of dialogs/, cards/ and seeds/ (path and bytes) and of the validator's own code (its
/// assembly's build id). At start-up the app hashes the same files; when the digest is the stamp's, the content is the
/// one that passed and <see cref="ContentValidator"/> is not run again (rendering every card in both languages is most
/// of a start-up's own work). Any difference (a file edited in the output folder, another build, no stamp) means a full
/// validation before the first turn, as without a stamp: a stamp can cost start-up time, never let broken content through.
/// </summary>
public static class ContentStamp
{
    public const string FileName = "content.validated";
    private const string Format = "ShopAdsBot validated content 1";
    private static readonly string[] Folders = ["dialogs", "cards", "seeds"];

    /// <summary>Writes the stamp of the content under <paramref name="contentRoot"/>; call only once it has been validated.</summary>
    public static void Write(string contentRoot, string path) => File.WriteAllBytes(path, Digest(contentRoot));

    /// <summary>Whether the stamp at <paramref name="path"/> is that of the content under <paramref name="contentRoot"/> and this code.</summary>
    public static bool Matches(string contentRoot, string path)
    {
        try
        {
            return File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(Digest(contentRoot));
        }
        catch (IOException)
        {
            return false;
        }
    }

    internal static byte[] Digest(string contentRoot)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string text) => hash.AppendData(Encoding.UTF8.GetBytes(text + "\0"));
        Add(Format);
        Add(typeof(ContentValidator).Module.ModuleVersionId.ToString());
        var files = Folders
            .Select(folder => Path.Combine(contentRoot, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Select(file => (Relative: ContentCatalog.Relative(contentRoot, file), Full: file))
            .OrderBy(file => file.Relative, StringComparer.Ordinal);
        foreach (var (relative, full) in files)
        {
            var bytes = File.ReadAllBytes(full);
            Add($"{relative}\0{bytes.Length}");
            hash.AppendData(bytes);
        }
        return hash.GetHashAndReset();
    }
}
