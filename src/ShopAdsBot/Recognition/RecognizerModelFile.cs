using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ShopAdsBot.Recognition;

/// <summary>
/// The production recognizer, trained when the app is built and saved next to it (<see cref="FileName"/>), so that a
/// new instance reads it in milliseconds instead of training at start-up. The file opens with a fingerprint of
/// everything the model comes from (the examples, the key phrases file, the flows' titles and summaries, the branches,
/// the recognizer's own code): a file trained from other content or by other code is ignored and the model is trained
/// as before, so a stale file can cost start-up time, never a wrong answer. Arrays are stored as their bytes (the
/// machine's byte order: the file is made by the build that ships with it).
/// </summary>
public static class RecognizerModelFile
{
    public const string FileName = "recognizer.model";
    private const string Format = "ShopAdsBot recognizer model 2";

    /// <summary>Trains the production model on <paramref name="sources"/> and writes it to <paramref name="path"/>.</summary>
    public static ShopAdsRecognizer Compile(RecognizerSources sources, string path)
    {
        var recognizer = sources.Build();
        using (var file = File.Create(path)) Write(recognizer, sources, file);
        return recognizer;
    }

    /// <summary>
    /// The model saved at <paramref name="path"/> when it was trained from <paramref name="sources"/> by this code;
    /// else null (no file, other content, other code, a damaged file): the caller trains one.
    /// </summary>
    public static ShopAdsRecognizer? TryRead(RecognizerSources sources, string path)
    {
        if (!File.Exists(path)) return null;
        using var file = File.OpenRead(path);
        return TryRead(sources, file);
    }

    public static void Write(ShopAdsRecognizer recognizer, RecognizerSources sources, Stream stream)
    {
        var (features, single, neighbours) = recognizer.TrainedParts
            ?? throw new ArgumentException("Only the production model (RecognizerOptions.Default) is saved.", nameof(recognizer));
        var fingerprint = Fingerprint(sources);
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(fingerprint);
        features.WriteTo(writer);
        single.WriteTo(writer);
        neighbours.WriteTo(writer);
        writer.Write(fingerprint); // the end mark: a file cut short is refused
    }

    public static ShopAdsRecognizer? TryRead(RecognizerSources sources, Stream stream)
    {
        var fingerprint = Fingerprint(sources);
        try
        {
            using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
            if (!reader.ReadBytes(fingerprint.Length).AsSpan().SequenceEqual(fingerprint)) return null;
            var features = FeatureSpace.ReadFrom(reader);
            var single = SoftmaxClassifier.ReadFrom(reader);
            var neighbours = NearestNeighbours.ReadFrom(reader);
            if (!reader.ReadBytes(fingerprint.Length).AsSpan().SequenceEqual(fingerprint)) return null;
            return new ShopAdsRecognizer(sources.BranchIds, sources.Keywords, features, single, neighbours) { Answers = sources.Answers };
        }
        catch (Exception ex) when (ex is EndOfStreamException or InvalidDataException or IOException or ArgumentException or OutOfMemoryException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>SHA-256 of the format, the recognizer's code (its assembly's build id) and every input of the training.</summary>
    internal static byte[] Fingerprint(RecognizerSources sources)
    {
        // Every text in one buffer, hashed once: a hash call per text would cross into the crypto library 20,000 times.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1 << 20);
        void Add(string text)
        {
            var span = buffer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length) + 1);
            var written = Encoding.UTF8.GetBytes(text, span);
            span[written] = 0;
            buffer.Advance(written + 1);
        }
        Add(Format);
        Add(typeof(ShopAdsRecognizer).Module.ModuleVersionId.ToString());
        foreach (var id in sources.BranchIds) Add(id);
        // The key phrases, field by field: a JSON serializer would first build its contract for them, at every start-up.
        foreach (var text in sources.Keywords.Texts()) Add(text);
        foreach (var utterance in sources.Examples.Concat(sources.FlowTexts))
        {
            Add(utterance.Branch);
            Add(utterance.Text);
        }
        return SHA256.HashData(buffer.WrittenSpan);
    }

    internal static void WriteArray<T>(BinaryWriter writer, T[] values) where T : unmanaged
    {
        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    internal static T[] ReadArray<T>(BinaryReader reader) where T : unmanaged
    {
        var length = reader.ReadInt32();
        var remaining = reader.BaseStream.CanSeek ? reader.BaseStream.Length - reader.BaseStream.Position : long.MaxValue;
        if (length < 0 || (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() > remaining) throw new InvalidDataException("array length out of range");
        var values = new T[length];
        reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }
}
