namespace ShopAdsBot.Recognition;

/// <summary>A sparse, L2-normalised feature vector (indices ascending).</summary>
public readonly record struct SparseVector(int[] Indices, float[] Values);

/// <summary>
/// Maps canonical tokens to TF-IDF features: words, word pairs, and character 3- to 5-grams inside each word
/// (the n-grams make "boutik", "campagn", "napparait" land near the right word). Features are 64-bit hashes
/// looked up in a vocabulary fixed at build time, so recognition allocates little and unseen features are ignored.
/// Immutable after construction.
/// </summary>
public sealed class FeatureSpace
{
    public const float WordWeight = 1.0f;
    public const float PairWeight = 0.6f;
    public const float CharWeight = 0.8f;
    private const int MinGram = 3, MaxGram = 5;

    private readonly Dictionary<ulong, int> _index;
    private readonly float[] _idf;
    private readonly bool _charNgrams;

    /// <summary>Vocabulary features, plus one last feature: the Shop Ads cue signal (<see cref="Vectorize"/>).</summary>
    public int Dimension => _idf.Length + 1;

    /// <summary>The value of the cue feature when a message holds a Shop Ads cue word; the model learns its weight.</summary>
    public const float CueSignal = 1.0f;

    public FeatureSpace(IEnumerable<IReadOnlyList<string>> documents, bool charNgrams = true)
    {
        _charNgrams = charNgrams;
        var docs = documents.ToList();
        _index = new Dictionary<ulong, int>();
        var df = new List<int>();
        foreach (var doc in docs)
        {
            var seen = new HashSet<ulong>();
            foreach (var (hash, _) in RawFeatures(doc))
            {
                if (!seen.Add(hash)) continue;
                if (!_index.TryGetValue(hash, out var i)) { i = df.Count; _index[hash] = i; df.Add(0); }
                df[i]++;
            }
        }
        _idf = df.Select(d => (float)(Math.Log((1.0 + docs.Count) / (1.0 + d)) + 1.0)).ToArray();
    }

    /// <summary>
    /// TF-IDF vector with sublinear tf; each feature family is normalised apart, then the whole. With
    /// <paramref name="cue"/>, the last dimension carries <see cref="CueSignal"/>: one more piece of evidence, weighed
    /// by the classifier like any word, instead of a rule that overrides it.
    /// </summary>
    public SparseVector Vectorize(IReadOnlyList<string> tokens, bool cue = false)
    {
        var acc = new Dictionary<int, (float Tf, float Weight)>();
        foreach (var (hash, weight) in RawFeatures(tokens))
        {
            if (!_index.TryGetValue(hash, out var i)) continue;
            acc[i] = acc.TryGetValue(i, out var cur) ? (cur.Tf + 1, weight) : (1, weight);
        }
        if (acc.Count == 0) return new SparseVector([], []);
        var cueSlots = cue ? 1 : 0;
        // Family norms, so long messages do not drown the word features in character n-grams.
        Span<double> norms = stackalloc double[3];
        foreach (var (i, (tf, w)) in acc)
        {
            var v = (1 + Math.Log(tf)) * _idf[i];
            norms[Family(w)] += v * v;
        }
        var indices = new int[acc.Count + cueSlots];
        acc.Keys.CopyTo(indices, 0);
        Array.Sort(indices, 0, acc.Count);
        var values = new float[indices.Length];
        double total = 0;
        for (var k = 0; k < acc.Count; k++)
        {
            var (tf, w) = acc[indices[k]];
            var v = (1 + Math.Log(tf)) * _idf[indices[k]] / Math.Sqrt(norms[Family(w)]) * w;
            values[k] = (float)v;
            total += v * v;
        }
        var inv = (float)(1 / Math.Sqrt(total));
        for (var k = 0; k < acc.Count; k++) values[k] *= inv;
        if (cue) { indices[^1] = _idf.Length; values[^1] = CueSignal; }
        return new SparseVector(indices, values);
    }

    private static int Family(float weight) => weight == WordWeight ? 0 : weight == PairWeight ? 1 : 2;

    private IEnumerable<(ulong Hash, float Weight)> RawFeatures(IReadOnlyList<string> tokens)
    {
        for (var t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            yield return (Hash('w', token, null), WordWeight);
            if (t + 1 < tokens.Count) yield return (Hash('p', token, tokens[t + 1]), PairWeight);
            if (!_charNgrams) continue;
            var padded = "#" + token + "#";
            for (var n = MinGram; n <= MaxGram; n++)
                for (var s = 0; s + n <= padded.Length; s++)
                    yield return (Hash('c', padded.AsSpan(s, n), default), CharWeight);
        }
    }

    // FNV-1a, 64 bits: stable across runs and processes (string.GetHashCode is randomised).
    private static ulong Hash(char kind, ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var h = 14695981039346656037UL;
        h = (h ^ kind) * 1099511628211UL;
        foreach (var c in a) h = (h ^ c) * 1099511628211UL;
        h = (h ^ '|') * 1099511628211UL;
        foreach (var c in b) h = (h ^ c) * 1099511628211UL;
        return h;
    }

    private static ulong Hash(char kind, string a, string? b) => Hash(kind, a.AsSpan(), (b ?? string.Empty).AsSpan());
}
