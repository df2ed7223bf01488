using System.Buffers;

namespace ShopAdsBot.Recognition;

/// <summary>A sparse, L2-normalised feature vector (indices ascending).</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values);

/// <summary>
/// Maps canonical tokens to TF-IDF features: words, word pairs, and character 3- to 5-grams inside each word
/// (the n-grams make "boutik", "campagn", "napparait" land near the right word). Features are 64-bit hashes
/// looked up in a vocabulary fixed at build time, so recognition allocates little and unseen features are ignored.
/// The vocabulary is two flat arrays (hashes ascending, and each hash's feature index) searched by binary search:
/// 12 bytes a feature against a Dictionary's 28, and read from the model file as they are (docs/performance.md).
/// After the vocabulary come a few signal features (<see cref="Vectorize"/>). Immutable after construction.
/// </summary>
public sealed class FeatureSpace
{
    public const float WordWeight = 1.0f;
    public const float PairWeight = 0.6f;
    public const float CharWeight = 0.8f;
    private const int MinGram = 3, MaxGram = 5;
    private const byte Word = 0, Pair = 1, Char = 2;

    /// <summary>The value of a signal feature when its words are in the message; the model learns its weight.</summary>
    public const float SignalValue = 1.0f;

    private readonly ulong[] _hashes;   // ascending
    private readonly int[] _features;   // the feature index of _hashes[i]
    private readonly float[] _idf;
    private readonly byte[] _family;
    private readonly bool _charNgrams;
    private readonly bool _skipPairs;
    private readonly float[] _familyWeight;
    private readonly float _signalValue;
    private readonly int _signals;

    /// <summary>Vocabulary features, then <paramref name="signals"/> signal features.</summary>
    public int Dimension => _idf.Length + _signals;

    /// <param name="skipPairs">Also pair each word with the word after next ("campagne [live] rejetée"), in the pairs' family.</param>
    /// <param name="occurrences">
    /// When given, receives each document's features (vocabulary indices, one per occurrence), so that the training
    /// vectors are weighed from them (<see cref="Vectorize(int[], ReadOnlySpan{bool})"/>) without hashing the documents twice.
    /// </param>
    /// <param name="weights">Pair and character n-gram family weights and the signal value (ablations); null: the constants.</param>
    public FeatureSpace(IEnumerable<IReadOnlyList<string>> documents, bool charNgrams = true, int signals = 1, bool skipPairs = false, List<int[]>? occurrences = null,
        (float Pair, float Char, float Signal)? weights = null)
    {
        var (pair, character, signal) = weights ?? (PairWeight, CharWeight, SignalValue);
        _familyWeight = [WordWeight, pair, character];
        _signalValue = signal;
        _charNgrams = charNgrams;
        _skipPairs = skipPairs;
        _signals = signals;
        var index = new Dictionary<ulong, int>();
        var df = new List<int>();
        var families = new List<byte>();
        var lastDocument = new List<int>(); // per feature, the last document counted in its df: no set to clear per document
        var count = 0;
        var hashes = new ulong[256];
        var kinds = new byte[256];
        foreach (var doc in documents)
        {
            count++;
            var capacity = Capacity(doc);
            if (capacity > hashes.Length) (hashes, kinds) = (new ulong[capacity], new byte[capacity]);
            var n = Hashes(doc, hashes, kinds);
            var found = occurrences is null ? null : new int[n];
            for (var k = 0; k < n; k++)
            {
                if (!index.TryGetValue(hashes[k], out var i)) { i = df.Count; index[hashes[k]] = i; df.Add(0); families.Add(kinds[k]); lastDocument.Add(0); }
                if (lastDocument[i] != count) { lastDocument[i] = count; df[i]++; }
                if (found is not null) found[k] = i;
            }
            occurrences?.Add(found!);
        }
        _idf = new float[df.Count];
        for (var i = 0; i < _idf.Length; i++) _idf[i] = (float)(Math.Log((1.0 + count) / (1.0 + df[i])) + 1.0);
        _family = [.. families];
        (_hashes, _features) = ([.. index.Keys], [.. index.Values]);
        Array.Sort(_hashes, _features);
    }

    private FeatureSpace(ulong[] hashes, int[] features, float[] idf, byte[] family, bool charNgrams, bool skipPairs, float[] familyWeight, float signalValue, int signals) =>
        (_hashes, _features, _idf, _family, _charNgrams, _skipPairs, _familyWeight, _signalValue, _signals) = (hashes, features, idf, family, charNgrams, skipPairs, familyWeight, signalValue, signals);

    /// <summary>Writes the vocabulary and its weights (<see cref="RecognizerModelFile"/>).</summary>
    internal void WriteTo(BinaryWriter writer)
    {
        writer.Write(_charNgrams);
        writer.Write(_skipPairs);
        writer.Write(_signalValue);
        writer.Write(_signals);
        RecognizerModelFile.WriteArray(writer, _familyWeight);
        RecognizerModelFile.WriteArray(writer, _idf);
        RecognizerModelFile.WriteArray(writer, _family);
        RecognizerModelFile.WriteArray(writer, _hashes);
        RecognizerModelFile.WriteArray(writer, _features);
    }

    internal static FeatureSpace ReadFrom(BinaryReader reader)
    {
        var (charNgrams, skipPairs, signalValue, signals) = (reader.ReadBoolean(), reader.ReadBoolean(), reader.ReadSingle(), reader.ReadInt32());
        var familyWeight = RecognizerModelFile.ReadArray<float>(reader);
        var idf = RecognizerModelFile.ReadArray<float>(reader);
        var family = RecognizerModelFile.ReadArray<byte>(reader);
        var (hashes, features) = (RecognizerModelFile.ReadArray<ulong>(reader), RecognizerModelFile.ReadArray<int>(reader));
        if (hashes.Length != features.Length || family.Length != idf.Length || familyWeight.Length != 3)
            throw new InvalidDataException("inconsistent vocabulary");
        // Plain loops: the arrays are used as read, so a damaged file must not make the binary search lie.
        for (var i = 0; i < hashes.Length; i++)
        {
            if (i > 0 && hashes[i] <= hashes[i - 1]) throw new InvalidDataException("vocabulary not ascending");
            if ((uint)features[i] >= (uint)idf.Length) throw new InvalidDataException("feature out of range");
        }
        return new FeatureSpace(hashes, features, idf, family, charNgrams, skipPairs, familyWeight, signalValue, signals);
    }

    /// <summary>
    /// TF-IDF vector with sublinear tf; each feature family is normalised apart, then the whole. Each true entry of
    /// <paramref name="signals"/> adds its signal feature (after the vocabulary) with <see cref="SignalValue"/>: one more
    /// piece of evidence, weighed by the classifier like any word, instead of a rule that overrides it.
    /// </summary>
    public SparseVector Vectorize(IReadOnlyList<string> tokens, ReadOnlySpan<bool> signals = default)
    {
        // Per turn, only the result is allocated: the hashes and indices live in pooled buffers.
        var capacity = Capacity(tokens);
        var hashes = ArrayPool<ulong>.Shared.Rent(capacity);
        var found = ArrayPool<int>.Shared.Rent(capacity);
        try
        {
            var n = Hashes(tokens, hashes, default);
            var m = 0;
            for (var k = 0; k < n; k++)
            {
                var at = _hashes.AsSpan().BinarySearch(hashes[k]);
                if (at >= 0) found[m++] = _features[at];
            }
            return Weigh(found.AsSpan(0, m), signals);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(hashes);
            ArrayPool<int>.Shared.Return(found);
        }
    }

    /// <summary>The vector of a training document from the occurrences its constructor gave (sorted in place).</summary>
    public SparseVector Vectorize(int[] occurrences, ReadOnlySpan<bool> signals) => Weigh(occurrences, signals);

    private SparseVector Weigh(Span<int> occurrences, ReadOnlySpan<bool> signals)
    {
        var m = occurrences.Length;
        if (m == 0) return new SparseVector([], []);
        occurrences.Sort();

        // Distinct features (ascending) and their counts.
        var distinct = 0;
        for (var k = 0; k < m; k++) if (k == 0 || occurrences[k] != occurrences[k - 1]) distinct++;
        var signalCount = 0;
        foreach (var s in signals) if (s) signalCount++;
        var indices = new int[distinct + signalCount];
        var values = new float[indices.Length];
        for (int k = 0, d = -1; k < m; k++)
        {
            if (k == 0 || occurrences[k] != occurrences[k - 1]) indices[++d] = occurrences[k];
            values[d]++; // the term frequency, for now
        }

        // Family norms, so long messages do not drown the word features in character n-grams.
        Span<double> norms = stackalloc double[3];
        for (var k = 0; k < distinct; k++)
        {
            var v = (1 + Math.Log(values[k])) * _idf[indices[k]];
            norms[_family[indices[k]]] += v * v;
        }
        double total = 0;
        for (var k = 0; k < distinct; k++)
        {
            var family = _family[indices[k]];
            var v = (1 + Math.Log(values[k])) * _idf[indices[k]] / Math.Sqrt(norms[family]) * _familyWeight[family];
            values[k] = (float)v;
            total += v * v;
        }
        var inv = (float)(1 / Math.Sqrt(total));
        for (var k = 0; k < distinct; k++) values[k] *= inv;
        for (int s = 0, slot = distinct; s < signals.Length; s++)
            if (signals[s]) { indices[slot] = _idf.Length + s; values[slot++] = _signalValue; }
        return new SparseVector(indices, values);
    }

    /// <summary>An upper bound on the number of raw features of a message.</summary>
    private int Capacity(IReadOnlyList<string> tokens)
    {
        var capacity = 3 * tokens.Count;
        if (_charNgrams) for (var t = 0; t < tokens.Count; t++) capacity += (MaxGram - MinGram + 1) * (tokens[t].Length + 2);
        return Math.Max(capacity, 1);
    }

    /// <summary>The raw features of a message (word, pair with the next word, character n-grams of "#word#"), in order.</summary>
    private int Hashes(IReadOnlyList<string> tokens, Span<ulong> hashes, Span<byte> kinds)
    {
        var n = 0;
        void Add(ulong hash, byte kind, Span<ulong> h, Span<byte> k)
        {
            h[n] = hash;
            if (!k.IsEmpty) k[n] = kind;
            n++;
        }
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            Add(Hash('w', token, string.Empty), Word, hashes, kinds);
            if (t + 1 < tokens.Count) Add(Hash('p', token, tokens[t + 1]), Pair, hashes, kinds);
            if (_skipPairs && t + 2 < tokens.Count) Add(Hash('s', token, tokens[t + 2]), Pair, hashes, kinds);
            if (!_charNgrams) continue;
            var padded = token.Length + 2;
            for (var size = MinGram; size <= MaxGram; size++)
                for (var s = 0; s + size <= padded; s++)
                    Add(PaddedGramHash(token, s, size), Char, hashes, kinds);
        }
        return n;
    }

    // FNV-1a, 64 bits: stable across runs and processes (string.GetHashCode is randomised).
    private const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;

    private static ulong Hash(char kind, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = (Offset ^ kind) * Prime;
        foreach (var c in a) h = (h ^ c) * Prime;
        h = (h ^ '|') * Prime;
        foreach (var c in b) h = (h ^ c) * Prime;
        return h;
    }

    /// <summary>The hash of the n-gram of "#token#" at <paramref name="start"/>, without building "#token#".</summary>
    private static ulong PaddedGramHash(string token, int start, int size)
    {
        var h = unchecked((Offset ^ 'c') * Prime);
        for (var p = start; p < start + size; p++)
            h = (h ^ (p == 0 || p == token.Length + 1 ? '#' : token[p - 1])) * Prime;
        return (h ^ '|') * Prime;
    }
}
