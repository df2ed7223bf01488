using System.Runtime.Intrinsics;

namespace ShopAdsBot.Recognition;

/// <summary>
/// Multinomial logistic regression over sparse vectors, trained by plain SGD (optional L2 shrinkage, optional averaging:
/// <see cref="SgdSettings"/>) with a fixed seed (the same data always gives the same model). Scoring is one sparse pass over the message's features. Immutable
/// after training.
/// </summary>
public sealed class SoftmaxClassifier : IClassProbabilities
{
    /// <summary>
    /// 12 passes at a rate of 1.0 with no L2 (pass 4): over four deals of the folds, top-1 +0.25 point and a seventh fewer
    /// clarifying questions than pass 3's 20 passes at 0.5 with L2 1e-4, for 40 % less training time (docs/recognizer.md).
    /// Early stopping is the regulariser: at this size, L2 only pulled rare but decisive words towards zero.
    /// </summary>
    public const int Epochs = 12;
    public const float LearningRate = 1.0f;
    public const float L2 = 0f;

    /// <summary>
    /// Label smoothing (pass 6): each target keeps 5 % spread over all classes, so no weight is pushed to make one class
    /// certain. Over four deals of the folds, top-1 +0.5 point on every deal (0.02 to 0.1 gain alike), with `none`
    /// weighted 1.4 instead of 1.2 to keep rejection where it was: the regression's probabilities are less peaked, so the
    /// neighbours' vote counts for more in the blend, and a message told without the usual words is rejected less often.
    /// </summary>
    public const float LabelSmoothing = 0.05f;

    // Feature-major: the weights of one feature for every class sit side by side ([feature * stride + class]), padded
    // to whole SIMD vectors, so a sparse vector touches one short run of memory per feature and updates it in a few
    // vector operations instead of one far-apart cell per class. Vector128 rather than Vector<T>: its size is known
    // when the app is precompiled (ReadyToRun), so the training at start-up runs optimised code from its first pass,
    // and 12 classes need no padding; each lane does the same arithmetic, so the model is the same.
    private static int Lanes => Vector128<float>.Count;
    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly int _classes;
    private readonly int _stride;

    public int ClassCount => _classes;

    public SoftmaxClassifier(IReadOnlyList<(SparseVector X, int Y, float SampleWeight)> samples, int classCount, int dimension, int seed = 17, SgdSettings? settings = null)
    {
        settings ??= SgdSettings.Default;
        _classes = classCount;
        _stride = (classCount + Lanes - 1) / Lanes * Lanes;
        _weights = new float[dimension * _stride];
        _bias = new float[_stride];
        var order = Enumerable.Range(0, samples.Count).ToArray();
        var rng = new Random(seed);
        var probs = new double[classCount];
        var gradient = new float[_stride]; // the padding stays 0, so padded weights never move
        // Averaged: the weights at the end of each epoch of the second half, averaged (less noise from the last steps).
        var averaged = settings.Averaged ? new float[_weights.Length] : null;
        var averagedBias = new float[_stride];
        var snapshots = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            rng.Shuffle(order);
            var lr = settings.LearningRate / (1 + epoch * 0.1f);
            var keep = 1 - lr * settings.L2;
            foreach (var s in order)
            {
                var (x, y, sw) = samples[s];
                Probabilities(x, probs);
                for (var c = 0; c < classCount; c++)
                {
                    // Label smoothing: the target keeps Smoothing spread over all classes (LabelSmoothing).
                    var target = (c == y ? 1 - settings.Smoothing : 0) + settings.Smoothing / classCount;
                    gradient[c] = (float)(target - probs[c]) * lr * sw;
                    _bias[c] += gradient[c] * 0.1f;
                }
                for (var k = 0; k < x.Indices.Length; k++)
                {
                    var row = _weights.AsSpan(x.Indices[k] * _stride, _stride);
                    var v = x.Values[k];
                    // Lazy L2: shrink only the weights this sample touches.
                    for (var c = 0; c < _stride; c += Lanes)
                    {
                        var w = Vector128.Create<float>(row[c..]);
                        (w * keep + Vector128.Create<float>(gradient.AsSpan(c)) * v).CopyTo(row[c..]);
                    }
                }
            }
            if (averaged is null || epoch < settings.Epochs / 2) continue;
            snapshots++;
            for (var i = 0; i < averaged.Length; i += Lanes)
                (Vector128.Create<float>(averaged.AsSpan(i)) + Vector128.Create<float>(_weights.AsSpan(i))).CopyTo(averaged.AsSpan(i));
            for (var c = 0; c < _stride; c++) averagedBias[c] += _bias[c];
        }
        if (averaged is null) return;
        for (var i = 0; i < averaged.Length; i++) _weights[i] = averaged[i] / snapshots;
        for (var c = 0; c < _stride; c++) _bias[c] = averagedBias[c] / snapshots;
    }

    private SoftmaxClassifier(float[] weights, float[] bias, int classes) =>
        (_weights, _bias, _classes, _stride) = (weights, bias, classes, bias.Length);

    /// <summary>The number of features the weights cover.</summary>
    internal int Dimension => _weights.Length / _stride;

    /// <summary>Writes the trained weights (<see cref="RecognizerModelFile"/>).</summary>
    internal void WriteTo(BinaryWriter writer)
    {
        writer.Write(_classes);
        RecognizerModelFile.WriteArray(writer, _bias);
        RecognizerModelFile.WriteArray(writer, _weights);
    }

    internal static SoftmaxClassifier ReadFrom(BinaryReader reader)
    {
        var classes = reader.ReadInt32();
        var (bias, weights) = (RecognizerModelFile.ReadArray<float>(reader), RecognizerModelFile.ReadArray<float>(reader));
        return bias.Length == (classes + Lanes - 1) / Lanes * Lanes && bias.Length > 0 && weights.Length % bias.Length == 0
            ? new SoftmaxClassifier(weights, bias, classes)
            : throw new InvalidDataException("inconsistent classifier");
    }

    /// <summary>Class probabilities (softmax) into <paramref name="output"/>.</summary>
    public void Probabilities(SparseVector x, Span<double> output)
    {
        Span<float> z = stackalloc float[_stride];
        _bias.CopyTo(z);
        for (var k = 0; k < x.Indices.Length; k++)
        {
            var row = _weights.AsSpan(x.Indices[k] * _stride, _stride);
            var v = x.Values[k];
            for (var c = 0; c < _stride; c += Lanes)
                (Vector128.Create<float>(z[c..]) + Vector128.Create<float>(row[c..]) * v).CopyTo(z[c..]);
        }
        var max = double.NegativeInfinity;
        for (var c = 0; c < _classes; c++) if (z[c] > max) max = z[c];
        double sum = 0;
        for (var c = 0; c < _classes; c++) { output[c] = Math.Exp(z[c] - max); sum += output[c]; }
        for (var c = 0; c < _classes; c++) output[c] /= sum;
    }
}

/// <summary>How the classifier is trained (the defaults are the chosen ones; the others are measured in docs/recognizer.md).</summary>
public sealed record SgdSettings(int Epochs = SoftmaxClassifier.Epochs, float LearningRate = SoftmaxClassifier.LearningRate, float L2 = SoftmaxClassifier.L2, bool Averaged = false, float Smoothing = SoftmaxClassifier.LabelSmoothing)
{
    public static readonly SgdSettings Default = new();
}
