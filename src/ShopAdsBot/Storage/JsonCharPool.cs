using System.Buffers;
using Newtonsoft.Json;

namespace ShopAdsBot.Storage;

/// <summary>
/// Newtonsoft.Json's readers and writers rent their character buffers here instead of allocating them. Without it,
/// reading a stored document allocated a fifth of a redelivered turn's bytes: the buffers that grow while a long
/// string (a reply's JSON) is read (docs/performance.md).
/// </summary>
public sealed class JsonCharPool : IArrayPool<char>
{
    public static readonly JsonCharPool Instance = new();

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null) ArrayPool<char>.Shared.Return(array);
    }

    /// <summary><paramref name="value"/> as JSON text, written by <paramref name="serializer"/> with pooled buffers.</summary>
    public static string Serialize(JsonSerializer serializer, object? value)
    {
        using var json = new StringWriter();
        using (var writer = new JsonTextWriter(json) { ArrayPool = Instance })
        {
            serializer.Serialize(writer, value);
        }
        return json.ToString();
    }
}
