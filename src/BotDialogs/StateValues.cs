using Newtonsoft.Json.Linq;

namespace BotDialogs;

/// <summary>
/// Reads a typed value back from a <see cref="DialogInstance.State"/>. A value written without a type name (a nested
/// <see cref="DialogState"/>, which serialises as plain JSON) comes back as a JObject: this converts it once and puts the
/// typed value back, so later changes in this turn are saved.
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

        var converted = JToken.FromObject(value).ToObject<T>();
        if (converted is not null)
        {
            state[key] = converted;
        }

        return converted;
    }
}
