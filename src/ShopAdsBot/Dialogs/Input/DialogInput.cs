using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Dialogs.Input;

/// <summary>
/// The user's answer of one turn, whatever the channel sent: typed text, or an Adaptive Card Action.Submit value
/// (Web Chat and Teams send it with no text; Teams messageBack may add a text, sends only the msteams value overlaid on
/// the data, and may send that value as a JSON string). Prompts and recognisers read this, never the raw activity, so both forms are handled the same way.
/// </summary>
public sealed class DialogInput
{
    /// <summary>The key of a submit value that names the chosen choice: <c>{"choice": "value"}</c>.</summary>
    public const string DefaultChoiceKey = "choice";

    private const string TurnStateKey = "ShopAdsBot.DialogInput:";

    public DialogInput(string? text, JObject? value, string? choiceValue)
    {
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Value = value;
        ChoiceValue = string.IsNullOrWhiteSpace(choiceValue) ? null : choiceValue.Trim();
    }

    /// <summary>The typed text (or a messageBack display text), trimmed; null when empty.</summary>
    public string? Text { get; }

    /// <summary>The submitted card data as an object, when the value was one.</summary>
    public JObject? Value { get; }

    /// <summary>The chosen value from a card: the value's choice key, or a plain string value.</summary>
    public string? ChoiceValue { get; }

    /// <summary>True when the answer came from a card button rather than typing.</summary>
    public bool IsSubmit => Value is not null || ChoiceValue is not null;

    /// <summary>Nothing usable was sent (an empty message).</summary>
    public bool IsEmpty => Text is null && !IsSubmit;

    /// <summary>Normalises an activity's text and value into one input.</summary>
    public static DialogInput FromActivity(IActivity? activity, string choiceKey = DefaultChoiceKey)
    {
        if (activity is not IMessageActivity message)
        {
            return new DialogInput(null, null, null);
        }

        var (value, choiceValue) = ReadValue(message.Value, choiceKey);
        return new DialogInput(message.Text, value, choiceValue);
    }

    /// <summary>The input of this turn, computed once and kept in the turn state so every dialog sees the same one.</summary>
    public static DialogInput FromTurn(ITurnContext turnContext, string choiceKey = DefaultChoiceKey)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = TurnStateKey + choiceKey;
        if (turnContext.TurnState.Get<DialogInput>(key) is { } cached)
        {
            return cached;
        }

        var input = FromActivity(turnContext.Activity, choiceKey);
        turnContext.TurnState.Set(key, input);
        return input;
    }

    private static (JObject? Value, string? ChoiceValue) ReadValue(object? raw, string choiceKey)
    {
        switch (raw)
        {
            case null:
                return (null, null);
            case JObject obj:
                return FromObject(obj, choiceKey);
            case JValue { Type: JTokenType.String } str:
                return ReadString((string?)str, choiceKey);
            case JValue scalar:
                return (null, ScalarText(scalar));
            case string s:
                return ReadString(s, choiceKey);
            case JToken:
                return (null, null);
            default:
                try
                {
                    return FromObject(JObject.FromObject(raw), choiceKey);
                }
                catch (Exception e) when (e is JsonException or ArgumentException)
                {
                    return (null, null);
                }
        }
    }

    private static (JObject? Value, string? ChoiceValue) ReadString(string? s, string choiceKey)
    {
        var trimmed = s?.Trim();
        if (trimmed is { Length: > 1 } && trimmed[0] == '{')
        {
            try
            {
                return FromObject(JObject.Parse(trimmed), choiceKey);
            }
            catch (JsonException)
            {
                // Not JSON after all: treat it as a plain value.
            }
        }

        return (null, trimmed);
    }

    private static (JObject? Value, string? ChoiceValue) FromObject(JObject obj, string choiceKey)
    {
        var value = WithMessageBackValue(obj);
        return (value, ScalarText(value[choiceKey]));
    }

    /// <summary>
    /// A button's data may carry <c>msteams: {type: "messageBack", value}</c>. Teams then posts the data's other
    /// properties overlaid with that value (value wins), without the msteams object, while Web Chat and the Emulator
    /// post the data as written. Applying the same overlay here gives dialogs one shape whatever the channel.
    /// </summary>
    private static JObject WithMessageBackValue(JObject data)
    {
        if (data["msteams"] is not JObject msteams || (string?)msteams["type"] != "messageBack")
        {
            return data;
        }

        var inner = msteams["value"] switch
        {
            JObject obj => obj,
            JValue { Type: JTokenType.String } text => TryParseObject((string?)text),
            _ => null,
        };
        if (inner is null)
        {
            return data;
        }

        var merged = new JObject(data.Properties().Where(p => p.Name != "msteams").Select(p => new JProperty(p.Name, p.Value.DeepClone())));
        foreach (var property in inner.Properties())
        {
            merged[property.Name] = property.Value.DeepClone();
        }
        return merged;
    }

    private static JObject? TryParseObject(string? text)
    {
        try
        {
            return text is null ? null : JToken.Parse(text) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? ScalarText(JToken? token)
        => token switch
        {
            JValue { Type: JTokenType.Boolean } b => (bool)b! ? "true" : "false",
            JValue { Value: not null } v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        };
}
