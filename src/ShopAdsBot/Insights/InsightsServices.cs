using System.Text;
using Azure.Monitor.OpenTelemetry.AspNetCore;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using IMiddleware = Microsoft.Bot.Builder.IMiddleware; // not ASP.NET Core's

namespace ShopAdsBot.Insights;

/// <summary>Registers Insights (docs/insights.md): the telemetry client and its middleware, the queue and its writer, the sinks.</summary>
public static class InsightsServices
{
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IServiceCollection AddInsights(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(InsightsOptions.SectionName);
        var settings = section.Get<InsightsOptions>() ?? new InsightsOptions();
        services.AddOptions<InsightsOptions>()
            .Bind(section)
            // RecordText: on in Development unless set (the environment is not known to a bare ServiceCollection).
            .Configure<IServiceProvider>((o, sp) => o.RecordText ??= sp.GetService<IHostEnvironment>()?.IsDevelopment() ?? false)
            .Validate(o => o.RetentionDays > 0, "Insights:RetentionDays must be a positive number of days.")
            .Validate(o => o.QueueCapacity > 0, "Insights:QueueCapacity must be positive.")
            .Validate(o => o.Kind != InsightsKind.Sqlite || !string.IsNullOrWhiteSpace(o.SqlitePath), "Insights:SqlitePath must not be empty.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new InsightsQueue(Options(sp).QueueCapacity));
        services.AddSingleton<InsightsAccess>();

        if (settings.Kind == InsightsKind.Sqlite)
        {
            services.AddSingleton(sp => new SqliteInsightsStore(Path.Combine(
                sp.GetService<IHostEnvironment>()?.ContentRootPath ?? AppContext.BaseDirectory, Options(sp).SqlitePath)));
            services.AddSingleton<IInsightsSink>(sp => sp.GetRequiredService<SqliteInsightsStore>());
            services.AddSingleton<Lifecycle.IConversationDataEraser, InsightsEraser>();
        }

        var connectionString = configuration[ConnectionStringSetting];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            AddApplicationInsights(services, connectionString);
        }

        services.AddSingleton(sp => new Lazy<ConversationHasher>(() => new ConversationHasher(Salt(sp))));
        services.AddSingleton<IBotTelemetryClient>(sp => new InsightsTelemetryClient(
            sp.GetRequiredService<InsightsQueue>(),
            sp.GetRequiredService<Lazy<ConversationHasher>>(),
            Options(sp).RecordText == true,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<InsightsTelemetryClient>>()));
        services.AddSingleton<InsightsRecorder>();
        services.AddHostedService(sp => new InsightsWriter(
            sp.GetRequiredService<InsightsQueue>(),
            sp.GetServices<IInsightsSink>(),
            sp.GetService<SqliteInsightsStore>(),
            Options(sp),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<InsightsWriter>>()));

        // First on the adapter, so that they see every activity: the SDK's telemetry (personal information off) and ours.
        services.AddSingleton<IMiddleware>(sp => new TelemetryLoggerMiddleware(sp.GetRequiredService<IBotTelemetryClient>(), logPersonalInformation: false));
        services.AddSingleton<IMiddleware, ConversationInsightsMiddleware>();
        return services;
    }

    /// <summary>
    /// Requests, dependencies, exceptions and logs through OpenTelemetry; our events as custom events
    /// (ApplicationInsightsSink). Apart, so that OpenTelemetry's and Azure Monitor's assemblies are loaded only when a
    /// connection string is set: the JIT loads the assemblies of every type a method names when it compiles it.
    /// </summary>
    private static void AddApplicationInsights(IServiceCollection services, string connectionString)
    {
        services.AddOpenTelemetry().UseAzureMonitor(o => o.ConnectionString = connectionString);
        services.AddSingleton<IInsightsSink, ApplicationInsightsSink>();
        services.AddLogging(logging => logging.AddFilter<ConsoleLoggerProvider>(ApplicationInsightsSink.Category, LogLevel.None));
    }

    private static InsightsOptions Options(IServiceProvider sp) => sp.GetRequiredService<IOptions<InsightsOptions>>().Value;

    /// <summary>Insights:HashSalt if set; else the salt kept in the SQLite store; else (Kind None) one for this process.</summary>
    private static byte[] Salt(IServiceProvider sp) =>
        Options(sp).HashSalt is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured)
        : sp.GetService<SqliteInsightsStore>()?.GetOrCreateSalt() ?? ConversationHasher.NewSalt();
}
