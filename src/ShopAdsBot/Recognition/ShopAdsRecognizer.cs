using Microsoft.Bot.Builder;

namespace ShopAdsBot.Recognition;

/// <summary>
/// Local, in-process free-text recognizer for the Shop Ads branches (French and English), no cloud service.
/// Canonical tokens (<see cref="TextNormalizer"/>) → TF-IDF words, word pairs and character n-grams, plus learned
/// signals: a Shop Ads cue, another platform named (<see cref="SignalWords"/>, <see cref="FeatureSpace"/>) → one
/// logistic regression (<see cref="SoftmaxClassifier"/>) over the content's branch ids and "none", blended with the vote
/// of the nearest training messages (<see cref="NearestNeighbours"/>), trained on the example messages, the hand-written
/// key phrases and the flow titles and summaries. Immutable and thread-safe once built.
/// </summary>
public sealed class ShopAdsRecognizer : IRecognizer, IBranchRecognizer
{
    public const string NoneIntent = "none";

    /// <summary>At or above (and not clarifying): start the branch. Chosen by cross-validation (docs/recognizer.md).</summary>
    public const double HighThreshold = 0.50;

    /// <summary>
    /// With a scope model (ablations only): at or above this probability of "none", the message is out of scope. The
    /// default single classifier needs no threshold: "none" being its most probable class is the rule.
    /// </summary>
    public const double ScopeThreshold = 0.35;

    /// <summary>At or above (and below High): offer the best branches. Below: out of scope. Chosen by cross-validation.</summary>
    public const double MediumThreshold = 0.20;

    /// <summary>
    /// When the second branch scores at least this share of the first, the two are too close to choose: ask which one
    /// (one short question, two choices). Chosen by cross-validation: at 0.45 the question is asked for 7.6 % of messages
    /// and the right branch is one of the two in 91.5 % of them; 0.40 asks more often (9.1 %) for no better pairs (pass 4).
    /// Pass 6 (label smoothing, 3,294 messages): 7.9 %, the right branch among the two in 92.7 % (0.50: 6.8 %, 92.9 %).
    /// </summary>
    public const double ClarifyRatio = 0.45;

    /// <summary>
    /// One word ("campagne", "BC", "pub") is too little to start a branch on, however confident the model:
    /// such a message gets the "Vouliez-vous dire… ?" card at most.
    /// </summary>
    public const int MinWordsForHigh = 2;

    /// <summary>The classes the model learns besides "none", in this order: the content's branches (ContentCatalog.BranchIds).</summary>
    public IReadOnlyList<string> BranchIds { get; }

    private readonly TextNormalizer _normalizer;
    private readonly FeatureSpace _features;
    private readonly SignalWords _cues;
    private readonly SignalWords _elsewhere;
    private readonly RecognizerOptions _options;
    // Single-stage (the default): one classifier over the branches plus "none" (_single); out of scope when "none" is
    // the most probable class. Two-stage (ablations): P(Shop Ads) from _scope, then P(branch | Shop Ads) from
    // _branches, alone or averaged with the single classifier (docs/recognizer.md).
    private readonly SoftmaxClassifier? _scope;
    private readonly SoftmaxClassifier? _branches;
    private readonly SoftmaxClassifier? _single;
    private readonly ComplementNaiveBayes? _bayes;
    private readonly SoftmaxClassifier? _twin;
    private readonly NearestNeighbours? _neighbours;

    public ShopAdsRecognizer(IReadOnlyList<string> branchIds, RoutingKeywords keywords, IEnumerable<LabelledUtterance> examples, RecognizerOptions? options = null)
    {
        BranchIds = [.. branchIds];
        _options = options ??= RecognizerOptions.Default;
        (_normalizer, _cues, _elsewhere) = Reading(keywords, options);
        var classIndex = BranchIds.Append(NoneIntent).Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

        var training = examples.ToList();
        if (options.UseKeyPhrases) training.AddRange(keywords.AsUtterances());
        foreach (var e in training)
            if (!classIndex.ContainsKey(e.Branch)) throw new ArgumentException($"Unknown branch id '{e.Branch}' in \"{e.Text}\".", nameof(examples));

        var tokenized = training.Select(e => (Tokens: _normalizer.Tokens(e.Text), e.Branch)).ToList();
        var occurrences = new List<int[]>(tokenized.Count);
        _features = new FeatureSpace(tokenized.Select(t => t.Tokens), options.UseCharNgrams, signals: 3, options.SkipPairs, occurrences, options.FeatureWeights);
        var samples = tokenized
            .Select((t, i) => (X: Vectorize(t.Tokens, occurrences[i]), Y: classIndex[t.Branch]))
            .Where(s => s.X.Indices.Length > 0)
            .ToList();
        var none = classIndex[NoneIntent];
        var weighted = samples.Select(s => (s.X, s.Y, s.Y == none ? options.NoneWeight : 1f)).ToList();
        // The classifiers are independent (each has its own seeded SGD): trained side by side to halve start-up time.
        SoftmaxClassifier? scope = null, branches = null, single = null;
        ComplementNaiveBayes? bayes = null;
        SoftmaxClassifier? twin = null;
        NearestNeighbours? neighbours = null;
        var dimension = _features.Dimension;
        var separate = options.SeparateScopeModel;
        Parallel.Invoke(
            () => scope = separate ? new SoftmaxClassifier(samples.Select(s => (s.X, s.Y == none ? 0 : 1, 1f)).ToList(), 2, dimension) : null,
            () => branches = separate ? new SoftmaxClassifier(samples.Where(s => s.Y != none).Select(s => (s.X, s.Y, 1f)).ToList(), BranchIds.Count, dimension) : null,
            () => single = options.SingleModel || !separate ? new SoftmaxClassifier(weighted, BranchIds.Count + 1, dimension, settings: options.Sgd) : null,
            () => twin = options.TwoSeeds ? new SoftmaxClassifier(weighted, BranchIds.Count + 1, dimension, seed: 29, settings: options.Sgd) : null,
            () => neighbours = options.NeighboursWeight > 0 ? new NearestNeighbours(weighted, BranchIds.Count + 1, dimension, options.Neighbours) : null,
            () => bayes = options.BayesWeight > 0 ? new ComplementNaiveBayes(weighted, BranchIds.Count + 1, dimension, options.BayesScale) : null);
        (_scope, _branches, _single, _bayes, _twin, _neighbours) = (scope, branches, single, bayes, twin, neighbours);
    }

    /// <summary>What every recognizer derives from the key phrases file: the normaliser and the signal words (cheap to build).</summary>
    private static (TextNormalizer, SignalWords Cues, SignalWords Elsewhere) Reading(RoutingKeywords keywords, RecognizerOptions options)
    {
        // Pass 10: the stop words are kept as words. Whose BC or account it is ("leur BC", « mon propre BC », "our
        // agency") and what is negated ("pas une pub", "not an ad") live in them: +1.2 points of CV top-1 on every deal
        // (docs/recognizer.md). The list still defines the leak check's phrases (PhraseOverlap) and the ablation.
        var stopwords = options.DropStopwords ? keywords.Stopwords : [];
        var normalizer = options.UseSpellingAndPhrases
            ? new TextNormalizer(keywords.Spelling, stopwords, keywords.Phrases, options.SuffixFolding)
            : new TextNormalizer(new Dictionary<string, string>(), stopwords, new Dictionary<string, string>(), options.SuffixFolding);
        return (normalizer, SignalWords.From(keywords.Cues, keywords, normalizer), SignalWords.From(keywords.Elsewhere, keywords, normalizer));
    }

    /// <summary>The production model from its trained parts, as <see cref="RecognizerModelFile"/> reads them back.</summary>
    internal ShopAdsRecognizer(IReadOnlyList<string> branchIds, RoutingKeywords keywords, FeatureSpace features, SoftmaxClassifier single, NearestNeighbours neighbours)
    {
        BranchIds = [.. branchIds];
        _options = RecognizerOptions.Default;
        (_normalizer, _cues, _elsewhere) = Reading(keywords, _options);
        var consistent = single.ClassCount == BranchIds.Count + 1 && single.Dimension == features.Dimension && neighbours.Dimension == features.Dimension;
        if (!consistent) throw new InvalidDataException("the model's parts do not fit the content's branches or each other");
        (_features, _single, _neighbours) = (features, single, neighbours);
    }

    /// <summary>The trained parts of the production model, for <see cref="RecognizerModelFile"/> (null for an ablation's model).</summary>
    internal (FeatureSpace Features, SoftmaxClassifier Single, NearestNeighbours Neighbours)? TrainedParts =>
        _options == RecognizerOptions.Default && _single is not null && _neighbours is not null ? (_features, _single, _neighbours) : null;

    /// <summary>Mixes a second model's probabilities into <paramref name="p"/>, <paramref name="weight"/> of the result (none: no change).</summary>
    private static void Blend(Span<double> p, IClassProbabilities? model, double weight, SparseVector x)
    {
        if (model is null) return;
        Span<double> other = stackalloc double[p.Length];
        model.Probabilities(x, other);
        for (var c = 0; c < p.Length; c++) p[c] = (1 - weight) * p[c] + weight * other[c];
    }

    /// <summary>What the flows' first questions accept as an answer given in the first message (<see cref="RouteResult.StartChoice"/>).</summary>
    public FirstAnswers Answers { get; init; } = FirstAnswers.None;

    /// <summary>The features of a message: its words, then two learned signals: a Shop Ads cue, another ad platform.</summary>
    /// <param name="occurrences">A training message's features, from the feature space's construction (not hashed again).</param>
    private SparseVector Vectorize(IReadOnlyList<string> tokens, int[]? occurrences = null)
    {
        var elsewhere = _options.UseElsewhereFeature && _elsewhere.AnyIn(tokens);
        var tiktok = false;
        foreach (var t in tokens) if (t == "tiktok") { tiktok = true; break; }
        ReadOnlySpan<bool> signals = [_options.UseCueFeature && _cues.AnyIn(tokens), elsewhere && !tiktok, elsewhere && tiktok];
        return occurrences is null ? _features.Vectorize(tokens, signals) : _features.Vectorize(occurrences, signals);
    }

    /// <summary>Recognises one message. Never throws on any text (null, empty, emoji, very long, markup).</summary>
    /// <param name="locale">Accepted for the caller's convenience; the model is bilingual and does not need it.</param>
    public RouteResult Recognize(string? text, string? locale = null)
    {
        var clean = TextNormalizer.Sanitize(text);
        // Tokens come from the same truncated text: a 100 KB message costs no more than 2,000 characters.
        var tokens = _normalizer.Tokens(clean);
        var x = Vectorize(tokens);
        if (x.Indices.Length == 0)
            return new RouteResult(NoneIntent, 0, [], Confidence.Low, clean);

        // p: the branches, then "none"; from the two-stage design, the single classifier, or their average.
        Span<double> p = stackalloc double[BranchIds.Count + 1];
        if (_scope is not null && _branches is not null)
        {
            Span<double> scope = stackalloc double[2];
            _scope.Probabilities(x, scope);
            _branches.Probabilities(x, p[..BranchIds.Count]);
            for (var c = 0; c < BranchIds.Count; c++) p[c] *= scope[1];
            p[BranchIds.Count] = scope[0];
        }
        if (_single is not null)
        {
            Span<double> single = stackalloc double[BranchIds.Count + 1];
            _single.Probabilities(x, single);
            var both = _scope is not null;
            for (var c = 0; c < p.Length; c++) p[c] = both ? (p[c] + single[c]) / 2 : single[c];
        }
        Blend(p, _twin, 0.5, x);
        Blend(p, _bayes, _options.BayesWeight, x);
        Blend(p, _neighbours, _options.NeighboursWeight, x);
        var pNone = p[BranchIds.Count];
        var alternatives = new BranchScore[BranchIds.Count];
        for (var c = 0; c < alternatives.Length; c++) alternatives[c] = new BranchScore(BranchIds[c], p[c]);
        Array.Sort(alternatives, (a, b) => b.Score.CompareTo(a.Score));
        var (top, second) = (alternatives[0], alternatives[1]);

        var outOfScope = _scope is null ? top.Score <= pNone : pNone >= ScopeThreshold;
        // Shop, account or TikTok words alone ("boutique", "compte", "vidéo") do not make a Shop Ads question (ablation only).
        if (_options.CueGate == CueGate.Reject && !_cues.AnyIn(tokens)) outOfScope = true;
        if (outOfScope || top.Score < MediumThreshold)
            return new RouteResult(NoneIntent, top.Score, alternatives, Confidence.Low, clean);

        var clarify = second.Score >= ClarifyRatio * top.Score ? new Clarification(top.Branch, second.Branch) : null;
        var band = top.Score >= HighThreshold && clarify is null && tokens.Count >= MinWordsForHigh ? Confidence.High : Confidence.Medium;
        return new RouteResult(top.Branch, top.Score, alternatives, band, clean) { Clarify = clarify, StartChoice = Answers.Find(top.Branch, clean) };
    }

    /// <summary>All class probabilities, "none" included (for RecognizerResult.Intents and evaluation).</summary>
    public IReadOnlyDictionary<string, double> Scores(RouteResult result)
    {
        var scores = result.Alternatives.ToDictionary(a => a.Branch, a => a.Score, StringComparer.Ordinal);
        var pNone = result.Alternatives.Count == 0 ? 1 : Math.Max(0, 1 - result.Alternatives.Sum(a => a.Score));
        // A rejected message must have "none" as its top intent for any caller that just takes the top score.
        // A message rejected by the cue gate may have a confident branch score: "none" is then certain, by rule.
        var rejected = Math.Max(pNone, 1 - result.Score);
        scores[NoneIntent] = !result.IsOutOfScope ? pNone : rejected > result.Score ? rejected : 1.0;
        return scores;
    }

    public Task<RecognizerResult> RecognizeAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        cancellationToken.ThrowIfCancellationRequested();
        var route = Recognize(turnContext.Activity?.Text, turnContext.Activity?.Locale);
        var result = new RecognizerResult
        {
            // Plain text only: the caller must still never put it into card markdown.
            Text = route.Text,
            AlteredText = string.Join(' ', _normalizer.Tokens(route.Text)),
            Intents = new Dictionary<string, IntentScore>(StringComparer.Ordinal),
        };
        foreach (var (intent, score) in Scores(route))
            result.Intents[intent == NoneIntent ? "None" : intent] = new IntentScore { Score = score };
        result.Properties["route"] = Newtonsoft.Json.Linq.JObject.FromObject(new RouteTrace(route));
        return Task.FromResult(result);
    }

    public async Task<T> RecognizeAsync<T>(ITurnContext turnContext, CancellationToken cancellationToken)
        where T : IRecognizerConvert, new()
    {
        var result = new T();
        result.Convert(await RecognizeAsync(turnContext, cancellationToken).ConfigureAwait(false));
        return result;
    }
}

/// <summary>
/// Knobs used only to measure what each part of the recognizer brings (docs/recognizer.md). The defaults are the
/// production model, each chosen by cross-validation over four deals of the folds (pass 4: the nearest neighbours at
/// 0.2 with 5 neighbours; pass 6: `none` weight 1.4 with label smoothing, <see cref="SoftmaxClassifier.LabelSmoothing"/>).
/// </summary>
/// <param name="SuffixFolding">Fold French and English word endings before the features (<see cref="TextNormalizer.FoldSuffix"/>).</param>
/// <param name="SkipPairs">Also pair each word with the word after next.</param>
/// <param name="NoneWeight">The weight of an out-of-scope example in training (the branches' is 1).</param>
/// <param name="Sgd">Epochs, rate, L2, averaging, label smoothing; null: the chosen <see cref="SgdSettings.Default"/>.</param>
/// <param name="BayesWeight">The share of complement naive Bayes in the averaged probabilities (0: not trained).</param>
/// <param name="BayesScale">The softmax scale that turns naive Bayes scores into probabilities.</param>
/// <param name="TwoSeeds">Average two classifiers trained with different shuffles.</param>
/// <param name="DropStopwords">Drop the key phrases file's stop words before the features, as until pass 9 (ablation).</param>
/// <param name="NeighboursWeight">The share of the cosine nearest neighbours' vote in the averaged probabilities (0: none).</param>
/// <param name="Neighbours">How many nearest training messages vote.</param>
/// <param name="FeatureWeights">The word-pair and character n-gram family weights and the signal features' value; null: the constants of <see cref="FeatureSpace"/>.</param>
public sealed record RecognizerOptions(
    bool UseCharNgrams = true,
    bool UseKeyPhrases = true,
    bool UseSpellingAndPhrases = true,
    bool UseCueFeature = true,
    bool UseElsewhereFeature = true,
    bool SeparateScopeModel = false,
    bool SingleModel = true,
    CueGate CueGate = CueGate.Off,
    bool SuffixFolding = false,
    bool SkipPairs = false,
    float NoneWeight = 1.4f,
    SgdSettings? Sgd = null,
    double BayesWeight = 0,
    double BayesScale = 10,
    bool TwoSeeds = false,
    bool DropStopwords = false,
    (float Pair, float Char, float Signal)? FeatureWeights = null,
    double NeighboursWeight = 0.2,
    int Neighbours = 5)
{
    public static readonly RecognizerOptions Default = new();
}

/// <summary>The former rule on messages with no Shop Ads cue word (seeds/routing-keywords.json "cues"), kept for the ablations.</summary>
public enum CueGate
{
    /// <summary>The models alone decide (the cue is one of their features).</summary>
    Off,
    /// <summary>A message with no cue word is out of scope, whatever the models say.</summary>
    Reject,
}
