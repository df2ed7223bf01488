using Newtonsoft.Json.Linq;

namespace BotDialogs;

/// <summary>
/// Reads typed values back from a stored <see cref="DialogInstance.State"/>. After a storage round trip a value is a
/// JObject/JArray/primitive rather than the object written; this converts it once and puts the typed value back, so later
/// changes in this turn are saved.
/// </summary>
internal static class StateValues
{
    public static T? Get<T>(IDictionary<string, object> state, string key)
        where T : class
    {
        if (!state.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        if (value is T typed)
        {
            return typed;
        }

        try
        {
            var converted = JToken.FromObject(value).ToObject<T>();
            if (converted is not null)
            {
                state[key] = converted;
            }

            return converted;
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or ArgumentException or InvalidCastException or FormatException)
        {
            throw new DialogStateRecoveryException($"Stored value '{key}' does not have the expected shape.", null, e);
        }
    }

    public static int GetInt(IDictionary<string, object> state, string key)
        => state.TryGetValue(key, out var value) && value is not null ? Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>Keeps options plain: strings and numbers as they are, objects as JSON (so every turn sees the same shape).</summary>
    public static object? ToPlain(object? value)
        => value switch
        {
            null => null,
            string or bool or int or long or double or decimal => value,
            JToken token => token,
            _ => JToken.FromObject(value),
        };
}
