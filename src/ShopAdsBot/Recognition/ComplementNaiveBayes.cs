namespace ShopAdsBot.Recognition;

/// <summary>
/// Complement naive Bayes over the same TF-IDF vectors (Rennie et al., 2003): each class is scored by how unlikely the
/// message is under the other classes' word counts, which stays stable when classes have unequal sizes. One counting pass,
/// no iterations. Its scores are turned into probabilities by a softmax with a fixed <c>scale</c>, so that they can be
/// averaged with the logistic regression's (docs/recognizer.md: measured, see the ablations). Immutable after training.
/// </summary>
public sealed class ComplementNaiveBayes : IClassProbabilities
{
    private const double Alpha = 0.1;
    private readonly float[] _weights; // [feature * classes + class]: -log P(feature | not class)
    private readonly int _classes;
    private readonly double _scale;

    public ComplementNaiveBayes(IReadOnlyList<(SparseVector X, int Y, float SampleWeight)> samples, int classCount, int dimension, double scale)
    {
        _classes = classCount;
        _scale = scale;
        var counts = new double[dimension * classCount];
        var totals = new double[dimension];
        foreach (var (x, y, w) in samples)
            for (var k = 0; k < x.Indices.Length; k++)
            {
                counts[x.Indices[k] * classCount + y] += x.Values[k] * w;
                totals[x.Indices[k]] += x.Values[k] * w;
            }
        var complementSum = new double[classCount];
        for (var f = 0; f < dimension; f++)
            for (var c = 0; c < classCount; c++) complementSum[c] += totals[f] - counts[f * classCount + c];
        _weights = new float[dimension * classCount];
        for (var f = 0; f < dimension; f++)
            for (var c = 0; c < classCount; c++)
                _weights[f * classCount + c] = (float)-Math.Log((Alpha + totals[f] - counts[f * classCount + c]) / (Alpha * dimension + complementSum[c]));
    }

    public void Probabilities(SparseVector x, Span<double> output)
    {
        Span<double> z = stackalloc double[_classes];
        z.Clear();
        for (var k = 0; k < x.Indices.Length; k++)
            for (var c = 0; c < _classes; c++) z[c] += x.Values[k] * _weights[x.Indices[k] * _classes + c];
        var max = double.NegativeInfinity;
        for (var c = 0; c < _classes; c++) if (z[c] > max) max = z[c];
        double sum = 0;
        for (var c = 0; c < _classes; c++) { output[c] = Math.Exp(_scale * (z[c] - max)); sum += output[c]; }
        for (var c = 0; c < _classes; c++) output[c] /= sum;
    }
}
