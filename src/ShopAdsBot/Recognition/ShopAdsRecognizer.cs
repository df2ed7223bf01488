using Microsoft.Bot.Builder;

namespace ShopAdsBot.Recognition;

/// <summary>
/// Local, in-process free-text recognizer for the Shop Ads branches (French and English), no cloud service.
/// Canonical tokens (<see cref="TextNormalizer"/>) → TF-IDF words, word pairs and character n-grams
/// (<see cref="FeatureSpace"/>) → a softmax classifier (<see cref="SoftmaxClassifier"/>) over the branch ids plus
/// "none", trained on the example messages and the hand-written key phrases. Immutable and thread-safe once built.
/// </summary>
public sealed class ShopAdsRecognizer : IRecognizer, IBranchRecognizer
{
    public const string NoneIntent = "none";

    /// <summary>At or above: start the branch. Chosen by cross-validation (docs/recognizer.md).</summary>
    public const double HighThreshold = 0.50;
    /// <summary>At or above (and below High): offer the top three. Below: out of scope. Chosen by cross-validation.</summary>
    /// <summary>
    /// One word ("campagne", "BC", "pub") is too little to start a branch on, however confident the model:
    /// such a message gets the "Vouliez-vous dire… ?" card at most.
    /// </summary>
    public const int MinWordsForHigh = 2;

    /// <summary>With no Shop Ads cue word, a branch this likely is still offered ("Vouliez-vous dire… ?"), never begun.</summary>
    public const double NoCueSuggestThreshold = 0.95;

    public const double MediumThreshold = 0.25;

    public static readonly IReadOnlyList<string> BranchIds =
    [
        "connect-shop", "create-ad", "ads-tab-missing", "bc-admin-permission", "shop-not-ready", "bc-access-required",
        "ads-manager-not-connected", "account-management", "support-contact", "ad-rejected", "underperforming",
    ];

    private readonly TextNormalizer _normalizer;
    private readonly FeatureSpace _features;
    private readonly SoftmaxClassifier _classifier;
    private readonly string[] _classes; // BranchIds then "none"
    private readonly AdsCues _cues;
    private readonly CueGate _cueGate;

    public ShopAdsRecognizer(RoutingKeywords keywords, IEnumerable<LabelledUtterance> examples, RecognizerOptions? options = null)
    {
        options ??= RecognizerOptions.Default;
        _normalizer = options.UseSpellingAndPhrases
            ? new TextNormalizer(keywords.Spelling, keywords.Stopwords, keywords.Phrases)
            : new TextNormalizer(new Dictionary<string, string>(), keywords.Stopwords, new Dictionary<string, string>());
        _classes = [.. BranchIds, NoneIntent];
        _cues = AdsCues.From(keywords, _normalizer);
        _cueGate = _cues.IsEmpty ? CueGate.Off : options.CueGate;
        var classIndex = _classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);

        var training = examples.Select(e => (e, Weight: 1f)).ToList();
        if (options.UseKeyPhrases) training.AddRange(keywords.AsUtterances().Select(e => (e, Weight: 1f)));
        foreach (var (e, _) in training)
            if (!classIndex.ContainsKey(e.Branch)) throw new ArgumentException($"Unknown branch id '{e.Branch}' in \"{e.Text}\".", nameof(examples));

        var tokenized = training.Select(t => (Tokens: _normalizer.Tokens(t.e.Text), t.e.Branch, t.Weight)).ToList();
        _features = new FeatureSpace(tokenized.Select(t => t.Tokens), options.UseCharNgrams);
        var samples = tokenized
            .Select(t => (X: _features.Vectorize(t.Tokens), Y: classIndex[t.Branch], t.Weight))
            .Where(s => s.X.Indices.Length > 0)
            .ToList();
        _classifier = new SoftmaxClassifier(samples, _classes.Length, _features.Dimension);
    }

    /// <summary>Builds the recognizer from seeds/routing-examples.tsv and seeds/routing-keywords.json, plus extra phrases (e.g. flow titles).</summary>
    public static ShopAdsRecognizer FromSeeds(string seedsDirectory, IEnumerable<LabelledUtterance>? extra = null, RecognizerOptions? options = null)
    {
        var keywords = RoutingSeeds.ReadKeywords(Path.Combine(seedsDirectory, RoutingSeeds.KeywordsFile));
        var examples = RoutingSeeds.ReadUtterances(Path.Combine(seedsDirectory, RoutingSeeds.ExamplesFile));
        return new ShopAdsRecognizer(keywords, extra is null ? examples : examples.Concat(extra), options);
    }

    /// <summary>Recognises one message. Never throws on any text (null, empty, emoji, very long, markup).</summary>
    /// <param name="locale">Accepted for the caller's convenience; the model is bilingual and does not need it.</param>
    public RouteResult Recognize(string? text, string? locale = null)
    {
        var clean = TextNormalizer.Sanitize(text);
        // Tokens come from the same truncated text: a 100 KB message costs no more than 2,000 characters.
        var tokens = _normalizer.Tokens(clean);
        var x = _features.Vectorize(tokens);
        if (x.Indices.Length == 0)
            return new RouteResult(NoneIntent, 0, [], Confidence.Low, clean);

        Span<double> p = stackalloc double[_classes.Length];
        _classifier.Probabilities(x, p);
        var alternatives = new BranchScore[BranchIds.Count];
        for (var c = 0; c < alternatives.Length; c++) alternatives[c] = new BranchScore(_classes[c], p[c]);
        Array.Sort(alternatives, (a, b) => b.Score.CompareTo(a.Score));
        var pNone = p[_classes.Length - 1];
        var top = alternatives[0];

        var band = top.Score <= pNone || top.Score < MediumThreshold ? Confidence.Low
            : top.Score >= HighThreshold && tokens.Count >= MinWordsForHigh ? Confidence.High
            : Confidence.Medium;
        // Shop, account or TikTok words alone ("boutique", "compte", "vidéo") do not make a Shop Ads question.
        // Unless the model is all but certain ("comment lier ma boutique"): then the seller is offered the topic, not sent it.
        if (band != Confidence.Low && _cueGate != CueGate.Off && !_cues.AnyIn(tokens))
            band = _cueGate == CueGate.Reject && top.Score < NoCueSuggestThreshold ? Confidence.Low : Confidence.Medium;
        return new RouteResult(band == Confidence.Low ? NoneIntent : top.Branch, top.Score, alternatives, band, clean);
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

/// <summary>Knobs used only to measure what each part of the recognizer brings (docs/recognizer.md).</summary>
public sealed record RecognizerOptions(bool UseCharNgrams = true, bool UseKeyPhrases = true, bool UseSpellingAndPhrases = true, CueGate CueGate = CueGate.Reject)
{
    public static readonly RecognizerOptions Default = new();
}

/// <summary>What happens to a message that has no Shop Ads cue word (seeds/routing-keywords.json "cues").</summary>
public enum CueGate
{
    /// <summary>The classifier alone decides.</summary>
    Off,
    /// <summary>Never High: at most the "Vouliez-vous dire… ?" card.</summary>
    CapAtMedium,
    /// <summary>Out of scope.</summary>
    Reject,
}
