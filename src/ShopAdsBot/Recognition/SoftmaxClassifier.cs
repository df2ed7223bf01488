namespace ShopAdsBot.Recognition;

/// <summary>
/// Multinomial logistic regression over sparse vectors, trained by plain SGD with L2 shrinkage and a fixed seed
/// (the same data always gives the same model). Training ~400 short texts takes milliseconds; scoring is one
/// sparse dot product per class. Immutable after training.
/// </summary>
public sealed class SoftmaxClassifier
{
    public const int Epochs = 40;
    public const float LearningRate = 0.5f;
    public const float L2 = 1e-4f;

    private readonly float[][] _weights; // [class][feature]
    private readonly float[] _bias;

    public int ClassCount => _bias.Length;

    public SoftmaxClassifier(IReadOnlyList<(SparseVector X, int Y, float SampleWeight)> samples, int classCount, int dimension, int seed = 17)
    {
        _weights = Enumerable.Range(0, classCount).Select(_ => new float[dimension]).ToArray();
        _bias = new float[classCount];
        var order = Enumerable.Range(0, samples.Count).ToArray();
        var rng = new Random(seed);
        var probs = new double[classCount];
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            rng.Shuffle(order);
            var lr = LearningRate / (1 + epoch * 0.1f);
            foreach (var s in order)
            {
                var (x, y, sw) = samples[s];
                Probabilities(x, probs);
                for (var c = 0; c < classCount; c++)
                {
                    var g = (float)((c == y ? 1 : 0) - probs[c]) * lr * sw;
                    var w = _weights[c];
                    for (var k = 0; k < x.Indices.Length; k++)
                    {
                        var i = x.Indices[k];
                        // Lazy L2: shrink only the weights this sample touches.
                        w[i] += g * x.Values[k] - lr * L2 * w[i];
                    }
                    _bias[c] += g * 0.1f;
                }
            }
        }
    }

    /// <summary>Class probabilities (softmax) into <paramref name="output"/>.</summary>
    public void Probabilities(SparseVector x, Span<double> output)
    {
        var max = double.NegativeInfinity;
        for (var c = 0; c < _bias.Length; c++)
        {
            double z = _bias[c];
            var w = _weights[c];
            for (var k = 0; k < x.Indices.Length; k++) z += w[x.Indices[k]] * x.Values[k];
            output[c] = z;
            if (z > max) max = z;
        }
        double sum = 0;
        for (var c = 0; c < _bias.Length; c++) { output[c] = Math.Exp(output[c] - max); sum += output[c]; }
        for (var c = 0; c < _bias.Length; c++) output[c] /= sum;
    }
}
