using Newtonsoft.Json.Linq;
using ShopAdsBot.Cards;

namespace ShopAdsBot.Tests.Content;

public class CardTemplateTests
{
    private static JToken Expand(string template, string data) => CardTemplate.Expand(JToken.Parse(template), JToken.Parse(data));

    private static void AssertJson(string expected, JToken actual) =>
        Assert.True(JToken.DeepEquals(JToken.Parse(expected), actual), $"expected {expected}\nactual {actual}");

    [Fact]
    public void WholeExpressionKeepsTheJsonTypeOfTheValue()
    {
        var result = Expand("""{ "n": "${count}", "b": "${flag}", "o": "${obj}", "s": "${name}" }""",
            """{ "count": 3, "flag": true, "obj": { "x": [1, 2] }, "name": "Ada" }""");
        AssertJson("""{ "n": 3, "b": true, "o": { "x": [1, 2] }, "s": "Ada" }""", result);
    }

    [Fact]
    public void ExpressionsInsideLongerStringsAreInterpolatedAsText()
    {
        var result = Expand("""{ "text": "Étape ${n} : ${step.title} (${ok})" }""", """{ "n": 2, "step": { "title": "Ouvrir" }, "ok": false }""");
        AssertJson("""{ "text": "Étape 2 : Ouvrir (false)" }""", result);
    }

    [Fact]
    public void UnresolvedPathsAreLeftAsWrittenSoTheValidatorSeesThem()
    {
        var result = Expand("""{ "a": "${missing}", "b": "x ${nope.deeper} y", "c": "${known.missing}" }""", """{ "known": {} }""");
        AssertJson("""{ "a": "${missing}", "b": "x ${nope.deeper} y", "c": "${known.missing}" }""", result);
    }

    [Fact]
    public void DataRepeatsTheElementPerItemWithIndexNumberAndRoot()
    {
        var result = Expand(
            """{ "items": [ { "type": "T" }, { "$data": "${steps}", "text": "${$number}. ${label} ${$root.suffix}", "i": "${$index}" } ] }""",
            """{ "suffix": "!", "steps": [ { "label": "un" }, { "label": "deux" } ] }""");
        AssertJson("""{ "items": [ { "type": "T" }, { "text": "1. un !", "i": 0 }, { "text": "2. deux !", "i": 1 } ] }""", result);
    }

    [Fact]
    public void DataOverAnArrayOfStringsBindsTheItemItself()
    {
        var result = Expand("""[ { "$data": "${steps}", "text": "${$data}" } ]""", """{ "steps": ["a", "b"] }""");
        AssertJson("""[ { "text": "a" }, { "text": "b" } ]""", result);
    }

    [Fact]
    public void NestedRepeatsSeeTheirOwnItemAndIndex()
    {
        var result = Expand(
            """[ { "$data": "${groups}", "title": "${title}", "items": [ { "$data": "${branches}", "t": "${title} ${$number}/${$root.total}" } ] } ]""",
            """{ "total": 9, "groups": [ { "title": "G1", "branches": [ { "title": "a" }, { "title": "b" } ] }, { "title": "G2", "branches": [] } ] }""");
        AssertJson("""[ { "title": "G1", "items": [ { "t": "a 1/9" }, { "t": "b 2/9" } ] }, { "title": "G2", "items": [] } ]""", result);
    }

    [Fact]
    public void DataOverAnEmptyArrayDropsTheElement()
    {
        var result = Expand("""{ "body": [ { "$data": "${none}", "x": 1 }, { "y": 2 } ] }""", """{ "none": [] }""");
        AssertJson("""{ "body": [ { "y": 2 } ] }""", result);
    }

    [Theory]
    [InlineData("""{ "v": false }""", false)]
    [InlineData("""{ "v": null }""", false)]
    [InlineData("""{ "v": "" }""", false)]
    [InlineData("""{ "v": [] }""", false)]
    [InlineData("""{ }""", false)]
    [InlineData("""{ "v": true }""", true)]
    [InlineData("""{ "v": "texte" }""", true)]
    [InlineData("""{ "v": { "title": "Menu" } }""", true)]
    public void WhenDropsTheElementForFalsyValues(string data, bool kept)
    {
        var result = Expand("""{ "body": [ { "$when": "${v}", "type": "TextBlock" }, { "type": "Other" } ] }""", data);
        AssertJson(kept ? """{ "body": [ { "type": "TextBlock" }, { "type": "Other" } ] }""" : """{ "body": [ { "type": "Other" } ] }""", result);
    }

    [Fact]
    public void WhenIsEvaluatedPerRepeatedItem()
    {
        var result = Expand("""[ { "$data": "${xs}", "$when": "${show}", "n": "${n}" } ]""",
            """{ "xs": [ { "show": true, "n": 1 }, { "show": false, "n": 2 }, { "show": true, "n": 3 } ] }""");
        AssertJson("""[ { "n": 1 }, { "n": 3 } ]""", result);
    }

    [Fact]
    public void TheTemplateIsNotModified()
    {
        var template = JToken.Parse("""{ "a": "${x}", "list": [ { "$data": "${xs}", "v": "${$data}" } ] }""");
        var before = template.ToString();
        CardTemplate.Expand(template, JToken.Parse("""{ "x": 1, "xs": [1, 2] }"""));
        Assert.Equal(before, template.ToString());
    }
}
