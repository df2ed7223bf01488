using Microsoft.Bot.Builder;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's

namespace ShopAdsBot.Lifecycle;

/// <summary>Registers the conversation's life: its settings, its middleware (in order) and what erases its data.</summary>
public static class ConversationLifecycleServices
{
    public static IServiceCollection AddConversationLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.SectionName))
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.RedeliveryWindow > TimeSpan.Zero,
                "Conversation:IdleTimeout and Conversation:RedeliveryWindow must be positive durations (e.g. 00:30:00).")
            .ValidateOnStart();

        services.AddSingleton<IConversationDataEraser, BotStateEraser>();
        services.AddSingleton<ReplyCopies>();
        services.AddSingleton<IConversationDataEraser>(sp => sp.GetRequiredService<ReplyCopies>());

        // A redelivered activity is dropped before anything else runs; « effacer mes données » before the dialogs see it.
        services.AddSingleton<IMiddleware, RedeliveryMiddleware>();
        services.AddSingleton<IMiddleware, DataErasureMiddleware>();
        services.AddSingleton<IMiddleware, IdleConversationMiddleware>();
        services.AddSingleton<IMiddleware, AnsweredCardMiddleware>();
        return services;
    }
}
