using System.Buffers;
using System.Text;
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

    // One text buffer per thread, reused: a state or a reply copy is a few kilobytes of JSON, and a new StringWriter
    // grew its buffer by small blocks for each one (allocating them was a tenth of a routed turn's CPU samples).
    [ThreadStatic]
    private static StringBuilder? cachedText;
    private const int CachedTextCapacity = 16 * 1024; // characters: a longer document gets a builder of its own

    /// <summary><paramref name="value"/> as JSON text, written by <paramref name="serializer"/> with pooled buffers.</summary>
    public static string Serialize(JsonSerializer serializer, object? value)
    {
        var text = cachedText ?? new StringBuilder(CachedTextCapacity);
        cachedText = null; // a serialization nested in this one gets its own
        try
        {
            using (var writer = new JsonTextWriter(new StringWriter(text)) { ArrayPool = Instance })
            {
                serializer.Serialize(writer, value);
            }
            return text.ToString();
        }
        finally
        {
            if (text.Capacity <= CachedTextCapacity)
            {
                text.Clear();
                cachedText = text;
            }
        }
    }
}
