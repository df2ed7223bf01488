using BotDialogs.Choices;
using ShopAdsBot.Dialogs.Input;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Tests.Dialogs;

/// <summary>How the app reads typed and clicked answers to its prompts (choices, yes / no), in French and English.</summary>
public class AnswerRecognizerTests
{
    private static readonly IList<Choice> Choices = ChoiceFactory.ToChoices(["Boutique", "Annonces", "Facturation", "Autre"]);

    [Theory]
    [InlineData("1", 0)]
    [InlineData("4", 3)]
    [InlineData("numéro 3", 2)]
    [InlineData("option 2", 1)]
    [InlineData("le premier", 0)]
    [InlineData("1er", 0)]
    [InlineData("2e", 1)]
    [InlineData("la 2ème", 1)]
    [InlineData("the 3rd", 2)]
    [InlineData("first", 0)]
    [InlineData("deux", 1)]
    [InlineData("le dernier", 3)]
    [InlineData("FACTURATION.", 2)]
    [InlineData("facturaton", 2)]
    [InlineData("anonces", 1)]
    public void TextNamesAChoice(string text, int index)
        => Assert.Equal(index, ChoiceRecognizer.Recognize(text, Choices)?.Index);

    [Theory]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("banane")]
    [InlineData("")]
    [InlineData("1 ou 2")]
    [InlineData("la deuxième ou la troisième")]
    public void TextNamingNoChoiceOrSeveralIsNotRecognised(string text)
        => Assert.Null(ChoiceRecognizer.Recognize(text, Choices));

    [Theory]
    [InlineData("je veux créer une annonce svp", 0)] // a title inside the text
    [InlineData("Créer une annonce", 0)]
    [InlineData("boutique", 1)] // the text inside a single title
    [InlineData("ma boutique", 1)]
    [InlineData("annonceur", null)] // a title's word inside a longer word names nothing
    [InlineData("une annoncexyz a créer", null)]
    public void TitleOrTextContainedAsWholeWords(string text, int? index)
        => Assert.Equal(index, ChoiceRecognizer.Recognize(text, ChoiceFactory.ToChoices(["Créer une annonce", "Connecter ma boutique", "Autre"]))?.Index);

    [Fact]
    public void AmbiguousTypoIsNotRecognised()
    {
        IList<Choice> close = ChoiceFactory.ToChoices(["compte", "conte"]);
        Assert.Null(ChoiceRecognizer.Recognize("comte", close));
    }

    [Fact]
    public void ShortWordsTolerateNoTypo()
        => Assert.Null(ChoiceRecognizer.Recognize("nom", ChoiceFactory.ToChoices(["non", "oui"])));

    [Fact]
    public void UnknownSubmitValueDoesNotFallBackToTheText()
        => Assert.Null(ChoiceRecognizer.Recognize(new DialogInput("Boutique", null, "deleted-choice"), Choices));

    [Fact]
    public void SubmitValueMatchesIgnoringCase()
        => Assert.Equal("Annonces", ChoiceRecognizer.Recognize(new DialogInput(null, null, "annonces"), Choices)?.Value);

    [Fact]
    public void ExactMatchScoresHigherThanPosition()
    {
        Assert.Equal(1f, ChoiceRecognizer.Recognize("Autre", Choices)!.Score);
        Assert.True(ChoiceRecognizer.Recognize("2", Choices)!.Score < 1f);
    }

    [Theory]
    [InlineData("oui", true)]
    [InlineData("Oui, merci !", true)]
    [InlineData("ouais", true)]
    [InlineData("D'accord", true)]
    [InlineData("daccord", true)]
    [InlineData("ok", true)]
    [InlineData("bien sûr", true)]
    [InlineData("tout à fait", true)]
    [InlineData("c'est bon", true)]
    [InlineData("yes", true)]
    [InlineData("Yep", true)]
    [InlineData("yeah sure", true)]
    [InlineData("of course", true)]
    [InlineData("non", false)]
    [InlineData("Non merci", false)]
    [InlineData("nan", false)]
    [InlineData("pas du tout", false)]
    [InlineData("pas d'accord", false)]
    [InlineData("ça ne marche pas", false)]
    [InlineData("toujours pas", false)]
    [InlineData("no", false)]
    [InlineData("nope", false)]
    [InlineData("not at all", false)]
    [InlineData("not really", false)]
    public void ConfirmWordsInFrenchAndEnglish(string text, bool expected)
        => Assert.Equal(expected, ConfirmRecognizer.Recognize(text));

    [Theory]
    [InlineData("peut-être")]
    [InlineData("maybe")]
    [InlineData("oui et non")]
    [InlineData("")]
    [InlineData(null)]
    public void ConfirmNeitherYesNorNo(string? text)
        => Assert.Null(ConfirmRecognizer.Recognize(text));

    [Fact]
    public void NormalizerDropsAccentsCaseAndPunctuation()
        => Assert.Equal("creer une annonce c est facile", TextNormalizer.Normalize("  Créer une ANNONCE : c'est facile !"));

    // Every accented letter of French (capitals too), ligatures, and an accent typed apart from its letter (U+0301).
    [Theory]
    [InlineData("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸàâäçéèêëîïôöùûüÿ", "aaaceeeeiioouuuyaaaceeeeiioouuuy")]
    [InlineData("Œuvre, Æther, Straße", "oeuvre, aether, strasse")]
    [InlineData("cre\u0301er", "creer")]
    [InlineData("Ñandú, Łódź, Ørsted", "nandu, łodz, ørsted")]
    public void FoldDropsTheAccentsOfLatinLetters(string text, string expected)
        => Assert.Equal(expected, TextNormalizer.Fold(text));

    [Theory]
    [InlineData("boutique", "bouitque", 1)]
    [InlineData("annonce", "anonce", 1)]
    [InlineData("abc", "abc", 0)]
    [InlineData("kitten", "sitting", 3)]
    public void DistanceCountsEdits(string a, string b, int expected)
        => Assert.Equal(expected, TextNormalizer.Distance(a, b));
}
