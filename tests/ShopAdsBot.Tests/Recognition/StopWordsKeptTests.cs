using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Recognition;

/// <summary>
/// Pass 10: the recognizer keeps the stop words as words. Who holds the Business Center ("leur BC", "mon associé",
/// "our freelancer" against "I never had one") and a negated ad ("c'est pas une pub") are told in them.
/// </summary>
public sealed class StopWordsKeptTests(RecognizerFixture fixture) : IClassFixture<RecognizerFixture>
{
    [Fact]
    public async Task ThePossessiveReachesTheModel()
    {
        var theirs = await AlteredTextAsync("le BC est à leur nom");
        var mine = await AlteredTextAsync("le BC est à mon nom");

        Assert.Contains("leur", theirs.Split(' '));
        Assert.Contains("mon", mine.Split(' '));
        Assert.NotEqual(theirs, mine);
    }

    [Theory]
    // Someone else holds the BC: admin permission.
    [InlineData("notre ancienne agence a toujours la boutique dans leur BC et ne répond plus", "bc-admin-permission")]
    [InlineData("le BC a été créé par mon associé, c'est lui qui le gère", "bc-admin-permission")]
    [InlineData("our freelancer set up the business center on his side and now we get the admin error", "bc-admin-permission")]
    // No BC at all: access to one's own, or a new one.
    [InlineData("I never had a business center, can I just make a new one from the error page?", "bc-access-required")]
    // Organic content, told with a negated ad word: out of scope.
    [InlineData("ma vidéo a été retirée alors que c'est pas une pub, juste un post normal", ShopAdsRecognizer.NoneIntent)]
    [InlineData("my post got restricted and it's not an ad, we never ran ads", ShopAdsRecognizer.NoneIntent)]
    public void AStoryToldWithSmallWordsRoutes(string text, string branch)
        => Assert.Equal(branch, fixture.Recognizer.Recognize(text).TopIntent);

    [Fact]
    public async Task TheAblationDropsThemAsUntilPass9()
    {
        var dropped = new ShopAdsRecognizer(fixture.Recognizer.BranchIds, fixture.Keywords, fixture.Examples.Take(300), new RecognizerOptions(DropStopwords: true));

        var altered = await AlteredTextAsync("le BC est à leur nom", dropped);

        Assert.DoesNotContain("leur", altered.Split(' '));
        Assert.Contains("bc", altered.Split(' '));
    }

    private async Task<string> AlteredTextAsync(string text, ShopAdsRecognizer? recognizer = null)
    {
        var context = new TurnContext(new TestAdapter(), new Activity { Type = ActivityTypes.Message, Text = text });
        return (await (recognizer ?? fixture.Recognizer).RecognizeAsync(context, CancellationToken.None)).AlteredText;
    }
}
