using Microsoft.Bot.Builder;

namespace ShopAdsBot.Hosting;

/// <summary>Chooses the IStorage behind ConversationState and UserState from the "Storage" settings.</summary>
public static class BotStorage
{
    public static IStorage Create(IConfiguration configuration)
    {
        var kind = configuration["Storage:Kind"] ?? "Memory";
        return kind.Equals("Memory", StringComparison.OrdinalIgnoreCase)
            ? new MemoryStorage()
            : throw new InvalidOperationException($"Storage:Kind '{kind}' is not supported. Use 'Memory'.");
    }
}
