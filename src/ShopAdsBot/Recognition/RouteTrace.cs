using Newtonsoft.Json;

namespace ShopAdsBot.Recognition;

/// <summary>The value of the Emulator's "Route" trace: a plain class, since anonymous objects serialise as {}.</summary>
public sealed class RouteTrace
{
    public RouteTrace() { }

    public RouteTrace(RouteResult route)
    {
        Branch = route.TopIntent;
        Score = Math.Round(route.Score, 4);
        Confidence = route.Confidence.ToString();
        Alternatives = route.Alternatives.Take(3).Select(a => new RouteAlternative { Branch = a.Branch, Score = Math.Round(a.Score, 4) }).ToList();
    }

    [JsonProperty("branch")] public string Branch { get; set; } = ShopAdsRecognizer.NoneIntent;
    [JsonProperty("score")] public double Score { get; set; }
    [JsonProperty("confidence")] public string Confidence { get; set; } = "Low";
    [JsonProperty("alternatives")] public List<RouteAlternative> Alternatives { get; set; } = [];
}

public sealed class RouteAlternative
{
    [JsonProperty("branch")] public string Branch { get; set; } = string.Empty;
    [JsonProperty("score")] public double Score { get; set; }
}
