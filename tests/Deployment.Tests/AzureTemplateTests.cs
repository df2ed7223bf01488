using System.Text.Json.Nodes;
using Deployment.Tests.Support;

namespace Deployment.Tests;

/// <summary>
/// The Azure template: main.bicep compiles with the pinned NuGet Bicep CLI without a single diagnostic, the committed
/// main.json is that compiler's output, and the template holds what the bot needs in Azure.
/// </summary>
public sealed class AzureTemplateTests
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    private static JsonObject Template =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Azure, "main.json")))!.AsObject();

    [Fact]
    public async Task Committed_ARM_JSON_is_the_output_of_the_pinned_Bicep_CLI_without_warnings()
    {
        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(RepoPaths.Azure, "build.sh"), "--check"], RepoPaths.Azure, BuildTimeout);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("main.json matches main.bicep", result.StdOut);
        Assert.Equal("0.49.2", Template["metadata"]!["_generator"]!["version"]!.GetValue<string>()[..6]);
    }

    [Fact]
    public async Task Build_fails_on_a_Bicep_warning()
    {
        using var copy = new TemplateCopy();
        File.AppendAllText(copy.Bicep, "\nparam unusedSetting string = ''\n");

        var result = await copy.BuildAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("no-unused-params", result.StdErr);
        Assert.Contains("warnings are errors", result.StdErr);
    }

    [Fact]
    public async Task Build_fails_on_a_Bicep_error()
    {
        using var copy = new TemplateCopy();
        File.AppendAllText(copy.Bicep, "\noutput broken string = undefinedSymbol\n");

        var result = await copy.BuildAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("undefinedSymbol", result.StdErr);
    }

    [Fact]
    public async Task Check_fails_when_main_json_is_out_of_date()
    {
        using var copy = new TemplateCopy();
        File.WriteAllText(copy.Json, File.ReadAllText(copy.Json).Replace("/healthz", "/health"));

        var result = await copy.BuildAsync();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("main.json is out of date", result.StdErr);
    }

    [Fact]
    public void Web_app_runs_dotNET_10_on_Linux_over_HTTPS_only_always_on_with_a_health_check()
    {
        var plan = Resource("Microsoft.Web/serverfarms");
        var site = Resource("Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.True(plan["properties"]!["reserved"]!.GetValue<bool>()); // Linux plan
        Assert.True(site["properties"]!["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("DOTNETCORE|10.0", config["linuxFxVersion"]!.GetValue<string>());
        Assert.True(config["alwaysOn"]!.GetValue<bool>());
        Assert.Equal("/healthz", config["healthCheckPath"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Web_app_gets_the_settings_the_bot_reads()
    {
        var settings = Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>());

        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("UserAssignedMSI", settings["MicrosoftAppType"]);
        Assert.Contains("userAssignedIdentities", settings["MicrosoftAppId"]);
        Assert.EndsWith(".clientId]", settings["MicrosoftAppId"]);
        Assert.Equal("", settings["MicrosoftAppPassword"]);
        Assert.Equal("[tenant().tenantId]", settings["MicrosoftAppTenantId"]);
        Assert.Equal("Blobs", settings["Storage__Kind"]);
        Assert.EndsWith(".primaryEndpoints.blob]", settings["Storage__BlobServiceUri"]);
        Assert.Equal("[parameters('stateContainerName')]", settings["Storage__Container"]);
        Assert.Equal("[parameters('directLineSecret')]", settings["DirectLine__Secret"]);
        Assert.Equal("false", settings["DirectLine__EnableLocal"]);
        // The same Direct Line base address the app uses by default (it posts to {Endpoint}/tokens/generate).
        var appSettings = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "ShopAdsBot", "appsettings.json")))!;
        Assert.Equal(appSettings["DirectLine"]!["Endpoint"]!.GetValue<string>(), Template["variables"]!["directLineEndpoint"]!.GetValue<string>());
        Assert.Contains("Microsoft.Insights/components", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal("securestring", Template["parameters"]!["directLineSecret"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Azure_Bot_uses_the_managed_identity_and_posts_to_api_messages()
    {
        var bot = Resource("Microsoft.BotService/botServices");
        var properties = bot["properties"]!;

        Assert.Equal("global", bot["location"]!.GetValue<string>());
        Assert.Equal("UserAssignedMSI", properties["msaAppType"]!.GetValue<string>());
        Assert.Contains("userAssignedIdentities", properties["msaAppId"]!.GetValue<string>());
        Assert.Contains("userAssignedIdentities", properties["msaAppMSIResourceId"]!.GetValue<string>());
        Assert.Equal("[tenant().tenantId]", properties["msaAppTenantId"]!.GetValue<string>());
        var endpoint = properties["endpoint"]!.GetValue<string>();
        Assert.StartsWith("[format('https://{0}/api/messages'", endpoint);
        Assert.Contains("Microsoft.Web/sites", endpoint);
    }

    [Fact]
    public void Azure_Bot_has_the_Teams_and_Direct_Line_channels()
    {
        var channels = Resources("Microsoft.BotService/botServices/channels")
            .ToDictionary(c => c["properties"]!["channelName"]!.GetValue<string>());

        Assert.Equal(["DirectLineChannel", "MsTeamsChannel"], channels.Keys.Order().ToArray());
        Assert.True(channels["MsTeamsChannel"]["properties"]!["properties"]!["isEnabled"]!.GetValue<bool>());
        var site = Assert.Single(channels["DirectLineChannel"]["properties"]!["properties"]!["sites"]!.AsArray())!;
        Assert.True(site["isEnabled"]!.GetValue<bool>());
        Assert.True(site["isV3Enabled"]!.GetValue<bool>());
    }

    [Fact]
    public void Conversation_state_lives_in_a_private_blob_container_the_identity_may_write()
    {
        var storage = Resource("Microsoft.Storage/storageAccounts");
        var container = Resource("Microsoft.Storage/storageAccounts/blobServices/containers");
        var role = Resource("Microsoft.Authorization/roleAssignments");

        Assert.False(storage["properties"]!["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.False(storage["properties"]!["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.Equal("None", container["properties"]!["publicAccess"]!.GetValue<string>());
        Assert.Contains("parameters('stateContainerName')", container["name"]!.GetValue<string>());
        // Storage Blob Data Contributor, granted to the bot's identity.
        Assert.Contains("ba92f5b4-2d11-453d-a403-e96b0029c9fe", Template["variables"]!["storageBlobDataContributorRoleId"]!.GetValue<string>());
        Assert.Contains("userAssignedIdentities", role["properties"]!["principalId"]!.GetValue<string>());
    }

    [Fact]
    public void Application_Insights_is_workspace_based()
    {
        var insights = Resource("Microsoft.Insights/components");

        Assert.Equal("web", insights["properties"]!["Application_Type"]!.GetValue<string>());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights["properties"]!["WorkspaceResourceId"]!.GetValue<string>());
    }

    [Fact]
    public void Example_parameters_name_only_template_parameters_and_every_required_one()
    {
        var parameters = Template["parameters"]!.AsObject();
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Azure, "main.parameters.example.json")))!["parameters"]!.AsObject();

        Assert.All(example, p => Assert.True(parameters.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep"));
        Assert.All(
            parameters.Where(p => p.Value!["defaultValue"] is null),
            p => Assert.True(example.ContainsKey(p.Key), $"required parameter {p.Key} is missing from the example"));
        Assert.False(example.ContainsKey("directLineSecret"), "secrets do not belong in a committed parameters file");
    }

    [Fact]
    public void Outputs_give_what_the_next_deployment_steps_need()
    {
        var outputs = Template["outputs"]!.AsObject();

        Assert.All(["webAppName", "webAppUrl", "webAppHostName", "botName", "botAppId"], name => Assert.True(outputs.ContainsKey(name), name));
    }

    [Fact]
    public void An_Insights_workbook_shows_the_custom_events_of_the_Application_Insights_resource()
    {
        var workbook = Resource("Microsoft.Insights/workbooks");
        var properties = workbook["properties"]!;

        Assert.Equal("workbook", properties["category"]!.GetValue<string>());
        Assert.Equal("ShopAdsBot Insights", properties["displayName"]!.GetValue<string>());
        Assert.Contains("Microsoft.Insights/components", properties["sourceId"]!.GetValue<string>());
        Assert.StartsWith("[guid(", workbook["name"]!.GetValue<string>()); // a workbook's name must be a GUID

        // serializedData is workbook.json, inlined by loadTextContent into a template variable.
        var reference = properties["serializedData"]!.GetValue<string>();
        var variable = reference["[variables('".Length..^"')]".Length];
        var data = JsonNode.Parse(Template["variables"]![variable]!.GetValue<string>())!;
        Assert.Equal("Notebook/1.0", data["version"]!.GetValue<string>());
        var queries = data["items"]!.AsArray()
            .Select(i => i!["content"]?["query"]?.GetValue<string>())
            .OfType<string>()
            .ToList();
        // The page's charts as KQL over customEvents: every event of the vocabulary (docs/insights.md), and the SDK's messages.
        foreach (var name in new[] { "ConversationStarted", "BranchStarted", "AnswerRated", "Escalated", "NotUnderstood", "SuggestionOffered", "BotMessageReceived" })
        {
            Assert.Contains(queries, q => q.StartsWith("customEvents", StringComparison.Ordinal) && q.Contains($"'{name}'", StringComparison.Ordinal));
        }
        Assert.All(queries, q => Assert.StartsWith("customEvents", q));
    }

    [Fact]
    public void Web_app_keeps_Insights_on_its_persistent_share_and_takes_the_admin_key_as_a_secret()
    {
        var settings = Resource("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>());

        Assert.Equal("[parameters('insightsKind')]", settings["Insights__Kind"]);
        Assert.StartsWith("/home/", settings["Insights__SqlitePath"]);
        Assert.Equal("[parameters('insightsAdminKey')]", settings["Insights__AdminKey"]);
        Assert.Equal("securestring", Template["parameters"]!["insightsAdminKey"]!["type"]!.GetValue<string>());
    }

    private static JsonNode Resource(string type) => Assert.Single(Resources(type));

    private static List<JsonNode> Resources(string type) =>
        Template["resources"]!.AsArray().Where(r => r!["type"]!.GetValue<string>() == type).Select(r => r!).ToList();

    /// <summary>A copy of deploymentTemplates/azure in a temporary folder, to break on purpose.</summary>
    private sealed class TemplateCopy : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("bicep-copy-").FullName;

        public TemplateCopy()
        {
            foreach (var file in new[] { "main.bicep", "main.json", "build.sh", "BicepCli.proj", "workbook.json" })
            {
                File.Copy(Path.Combine(RepoPaths.Azure, file), Path.Combine(_directory, file));
            }
        }

        public string Bicep => Path.Combine(_directory, "main.bicep");

        public string Json => Path.Combine(_directory, "main.json");

        public Task<ProcessResult> BuildAsync() =>
            ProcessRunner.RunAsync("bash", [Path.Combine(_directory, "build.sh"), "--check"], _directory, BuildTimeout);

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
