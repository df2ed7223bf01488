using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// Pass 10's phrase signals (seeds/routing-keywords.json: bcHeldByOthers, bcHeldByOwn, notAnAd), read on the words the
/// canonical tokens drop: "leur", "mon", "pas", "not" are stop words there.
/// </summary>
public sealed class SignalPhrasesTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    private TextNormalizer Normalizer => new(fixture.Keywords.Spelling, fixture.Keywords.Stopwords, fixture.Keywords.Phrases);

    [Theory]
    [InlineData("C'est PAS une pub, juste une vidéo de ma boutique qui a été retirée", true)]
    [InlineData("my video got taken down and it's not an ad at all", true)]
    [InlineData("we never ran ads, the post was removed", true)]
    // The same ad word, not negated; and a negation before another word.
    [InlineData("ma pub a été retirée", false)]
    [InlineData("je vois pas l'onglet des annonces", false)]
    public void AnAdWordNegatedIsFoundWithItsSmallWords(string text, bool expected)
    {
        var notAnAd = new SignalPhrases(fixture.Keywords.NotAnAd, Normalizer);

        Assert.Equal(expected, notAnAd.AnyIn(Normalizer.Words(text)));
    }

    [Theory]
    [InlineData("la boutique est encore dans leur BC depuis qu'on a quitté l'agence", true, false)]
    [InlineData("our former agency still holds the shop in their business center", true, false)]
    [InlineData("mon co-gérant a créé le business center", true, false)]
    [InlineData("c'est mon propre BC, créé sous mon Facebook perso", false, true)]
    [InlineData("I don't even have a BC, do I need a new one?", false, true)]
    [InlineData("erreur admin sur le business center", false, false)]
    public void WhoHoldsTheBusinessCenterIsReadFromItsSmallWords(string text, bool others, bool own)
    {
        var words = Normalizer.Words(text);

        Assert.Equal(others, new SignalPhrases(fixture.Keywords.BcHeldByOthers, Normalizer).AnyIn(words));
        Assert.Equal(own, new SignalPhrases(fixture.Keywords.BcHeldByOwn, Normalizer).AnyIn(words));
    }

    [Fact]
    public void TheCanonicalTokensDropTheWordsThePhrasesNeed()
    {
        // Why the phrases are not cue words: "leur BC" and "mon BC" give the same tokens.
        Assert.Equal(Normalizer.Tokens("leur BC"), Normalizer.Tokens("mon BC"));
        Assert.NotEqual(Normalizer.Words("leur BC"), Normalizer.Words("mon BC"));
    }
}
