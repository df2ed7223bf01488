using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace ShopAdsBot.Cards;

/// <summary>
/// The one template binder: a small subset of Adaptive Cards Templating.
/// <list type="bullet">
/// <item><c>"${path}"</c> alone is replaced by the bound value, keeping its JSON type (object, array, bool...).</item>
/// <item><c>${path}</c> inside a longer string is interpolated as text.</item>
/// <item><c>"$data": "${array}"</c> repeats the element once per item, the item becoming the scope
/// (<c>$root</c> is the data given to Expand, <c>$index</c> 0-based, <c>$number</c> 1-based, <c>$data</c> the item itself).</item>
/// <item><c>"$when": "${path}"</c> drops the element when the value is false, null, empty or missing.</item>
/// </list>
/// A path that does not resolve is left as written, so a validator finds the unbound <c>${</c> in the output.
/// </summary>
public static partial class CardTemplate
{
    public static JToken Expand(JToken template, JToken data)
    {
        var expanded = Expand(template, new Scope(data, data, null));
        return expanded.Count == 1 ? expanded[0] : new JArray(expanded);
    }

    private sealed record Scope(JToken Data, JToken Root, int? Index);

    // An element expands to zero ($when false, empty $data), one, or many ($data repeat) tokens.
    private static List<JToken> Expand(JToken token, Scope scope) => token switch
    {
        JObject obj => ExpandObject(obj, scope),
        JArray array => [new JArray(array.SelectMany(item => Expand(item, scope)))],
        JValue { Type: JTokenType.String } value => [BindString((string)value!, scope)],
        _ => [token.DeepClone()],
    };

    private static List<JToken> ExpandObject(JObject obj, Scope scope)
    {
        if (obj["$data"] is JValue { Type: JTokenType.String } dataExpr && WholeExpression(dataExpr.ToString()) is { } dataPath)
        {
            var bound = Resolve(dataPath, scope);
            if (bound is null) return [obj.DeepClone()]; // unbound: left visible for the validator
            var items = bound as JArray ?? new JArray(bound);
            return items.Select((item, i) => ExpandSingle(obj, new Scope(item, scope.Root, i))).OfType<JToken>().ToList();
        }
        return ExpandSingle(obj, scope) is { } single ? [single] : [];
    }

    private static JObject? ExpandSingle(JObject obj, Scope scope)
    {
        if (obj["$when"] is JValue { Type: JTokenType.String } when && !IsTruthy(BindString(when.ToString(), scope)))
            return null;
        var result = new JObject();
        foreach (var property in obj.Properties())
        {
            if (property.Name is "$data" or "$when") continue;
            var values = Expand(property.Value, scope);
            if (values.Count == 1) result[property.Name] = values[0];
            else if (values.Count > 1) result[property.Name] = new JArray(values);
        }
        return result;
    }

    private static JToken BindString(string text, Scope scope)
    {
        if (WholeExpression(text) is { } path)
            return Resolve(path, scope)?.DeepClone() ?? text;
        return Expression().Replace(text, m => Resolve(m.Groups[1].Value, scope) is { } v ? AsText(v) : m.Value);
    }

    private static string? WholeExpression(string text)
    {
        var m = Expression().Match(text);
        return m.Success && m.Index == 0 && m.Length == text.Length ? m.Groups[1].Value : null;
    }

    /// <summary>Resolves "a.b.c", "$root.x", "$index", "$number", "$data.x"; null when a segment is missing.</summary>
    private static JToken? Resolve(string path, Scope scope)
    {
        var segments = path.Split('.');
        JToken? current = segments[0] switch
        {
            "$root" => scope.Root,
            "$data" => scope.Data,
            "$index" => scope.Index is { } i ? new JValue(i) : null,
            "$number" => scope.Index is { } n ? new JValue(n + 1) : null,
            _ => (scope.Data as JObject)?[segments[0]],
        };
        foreach (var segment in segments.Skip(1))
            current = (current as JObject)?[segment];
        return current;
    }

    private static bool IsTruthy(JToken value) => value.Type switch
    {
        _ when value is JValue { Value: null } => false, // also a string JValue holding null
        JTokenType.Null or JTokenType.Undefined => false,
        JTokenType.Boolean => (bool)value,
        JTokenType.String => ((string)value!).Length > 0 && !((string)value!).Contains("${"),
        JTokenType.Array => value.HasValues,
        JTokenType.Integer => (long)value != 0,
        _ => true,
    };

    private static string AsText(JToken value) => value.Type switch
    {
        _ when value is JValue { Value: null } => "",
        JTokenType.String => (string)value!,
        JTokenType.Boolean => (bool)value ? "true" : "false",
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    [GeneratedRegex(@"\$\{([$A-Za-z0-9_.]+)\}")]
    private static partial Regex Expression();
}
