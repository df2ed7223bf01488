using System.Buffers;

namespace ShopAdsBot.Recognition;

/// <summary>
/// Cosine nearest neighbours over the training messages: the <c>k</c> most similar training vectors vote for their
/// class, weighted by their similarity. Blended with the logistic regression's probabilities, it lets a message that
/// is told like one example (a situation, not the usual words) lean towards that example's branch (docs/recognizer.md).
/// The vectors are stored as an inverted index (feature → messages, flat arrays), so a query reads only the postings
/// of the message's own features. Immutable after construction, deterministic (ties go to the earlier message).
/// A posting's message is a <c>ushort</c>: the postings are most of the model's memory, and 65,536 training messages are
/// more than ten times what there is (docs/performance.md).
/// </summary>
public sealed class NearestNeighbours : IClassProbabilities
{
    private readonly int[] _start;      // postings of feature f: [_start[f], _start[f + 1])
    private readonly ushort[] _document;
    private readonly float[] _value;
    private readonly int[] _labels;
    private readonly int _classes;
    private readonly int _k;

    public NearestNeighbours(IReadOnlyList<(SparseVector X, int Y, float SampleWeight)> samples, int classCount, int dimension, int k)
    {
        (_classes, _k) = (classCount, k);
        if (samples.Count > ushort.MaxValue + 1) throw new ArgumentException($"More than {ushort.MaxValue + 1} training messages: widen the postings.", nameof(samples));
        _labels = new int[samples.Count];
        _start = new int[dimension + 1];
        foreach (var (x, _, _) in samples)
            foreach (var f in x.Indices) _start[f + 1]++;
        for (var f = 0; f < dimension; f++) _start[f + 1] += _start[f];
        _document = new ushort[_start[dimension]];
        _value = new float[_document.Length];
        var next = _start[..dimension];
        for (var d = 0; d < samples.Count; d++)
        {
            var (x, y, _) = samples[d];
            _labels[d] = y;
            for (var i = 0; i < x.Indices.Length; i++)
            {
                var slot = next[x.Indices[i]]++;
                (_document[slot], _value[slot]) = ((ushort)d, x.Values[i]);
            }
        }
    }

    private NearestNeighbours(int[] start, ushort[] document, float[] value, int[] labels, int classes, int k) =>
        (_start, _document, _value, _labels, _classes, _k) = (start, document, value, labels, classes, k);

    /// <summary>The number of features the index covers.</summary>
    internal int Dimension => _start.Length - 1;

    /// <summary>Writes the index (<see cref="RecognizerModelFile"/>).</summary>
    internal void WriteTo(BinaryWriter writer)
    {
        writer.Write(_classes);
        writer.Write(_k);
        RecognizerModelFile.WriteArray(writer, _start);
        RecognizerModelFile.WriteArray(writer, _document);
        RecognizerModelFile.WriteArray(writer, _value);
        RecognizerModelFile.WriteArray(writer, _labels);
    }

    internal static NearestNeighbours ReadFrom(BinaryReader reader)
    {
        var (classes, k) = (reader.ReadInt32(), reader.ReadInt32());
        var (start, document) = (RecognizerModelFile.ReadArray<int>(reader), RecognizerModelFile.ReadArray<ushort>(reader));
        var (value, labels) = (RecognizerModelFile.ReadArray<float>(reader), RecognizerModelFile.ReadArray<int>(reader));
        var consistent = k > 0 && start.Length > 0 && start[0] == 0 && start[^1] == document.Length && value.Length == document.Length
            && Ascending(start) && AllBelow(document, labels.Length) && AllBelow(labels, classes);
        return consistent ? new NearestNeighbours(start, document, value, labels, classes, k) : throw new InvalidDataException("inconsistent neighbours");
    }

    // Plain loops: half a million postings are checked at every start-up.
    private static bool Ascending(int[] values)
    {
        for (var i = 1; i < values.Length; i++) if (values[i] < values[i - 1]) return false;
        return true;
    }

    private static bool AllBelow<T>(T[] values, int bound) where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        foreach (var v in values) if ((uint)int.CreateTruncating(v) >= (uint)bound) return false;
        return true;
    }

    /// <summary>The similarity-weighted vote of the k nearest messages, as probabilities into <paramref name="output"/>.</summary>
    public void Probabilities(SparseVector x, Span<double> output)
    {
        var similarity = ArrayPool<float>.Shared.Rent(_labels.Length);
        try
        {
            Array.Clear(similarity, 0, _labels.Length);
            for (var i = 0; i < x.Indices.Length; i++)
            {
                var v = x.Values[i];
                for (int p = _start[x.Indices[i]], end = _start[x.Indices[i] + 1]; p < end; p++) similarity[_document[p]] += _value[p] * v;
            }
            // The k best, best first, by insertion: k is small.
            Span<int> best = stackalloc int[_k];
            var count = 0;
            for (var d = 0; d < _labels.Length; d++)
            {
                if (count == _k && similarity[d] <= similarity[best[count - 1]]) continue;
                var at = count < _k ? count++ : _k - 1;
                while (at > 0 && similarity[best[at - 1]] < similarity[d]) { best[at] = best[at - 1]; at--; }
                best[at] = d;
            }
            output.Clear();
            double total = 0;
            for (var j = 0; j < count; j++) { output[_labels[best[j]]] += similarity[best[j]]; total += similarity[best[j]]; }
            if (total <= 0) { output[.._classes].Fill(1.0 / _classes); return; }
            for (var c = 0; c < _classes; c++) output[c] /= total;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(similarity);
        }
    }
}
