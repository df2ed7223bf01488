using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using ShopAdsBot.TestSupport;

namespace Deployment.Tests.Support;

/// <summary>
/// The official Teams app manifest schemas, from the npm package @microsoft/app-manifest pinned in this project's
/// package-lock.json (installed with `npm ci` on first use). Nothing is downloaded at validation time.
/// </summary>
public static class TeamsSchemas
{
    private static readonly Lazy<Task<string>> SchemaRoot = new(InstallAsync);

    /// <summary>Validates a document against MicrosoftTeams[.Localization].schema.json of the given version (e.g. "1.30").</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string manifestVersion, string schemaFile, string json)
    {
        var path = Path.Combine(await SchemaRoot.Value, "v" + manifestVersion, schemaFile);
        Assert.True(File.Exists(path), $"The pinned @microsoft/app-manifest has no {path}");
        return Validate(Load(path), json);
    }

    public static async Task<string> SchemaTextAsync(string manifestVersion, string schemaFile) =>
        await File.ReadAllTextAsync(Path.Combine(await SchemaRoot.Value, "v" + manifestVersion, schemaFile));

    /// <summary>
    /// The Teams schemas declare draft-04 but use "const" (draft 6) and "if"/"then" (draft 7), which a strict draft-04
    /// reading would skip. They use none of the draft-04-only forms (boolean exclusiveMinimum/Maximum, "id"), so reading
    /// them as draft 7 enforces every rule their authors wrote, as the Teams toolkit's own validator (ajv) does.
    /// </summary>
    private static JsonSchema Load(string path)
    {
        var node = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        node.Remove("$schema");
        return JsonSchema.FromText(
            node.ToJsonString(),
            new BuildOptions { Dialect = Dialect.Draft07, SchemaRegistry = new SchemaRegistry() },
            new Uri("https://teams.schemas.local/" + Path.GetFileName(Path.GetDirectoryName(path)) + "/" + Path.GetFileName(path)));
    }

    private static List<string> Validate(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(
            document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }

    private static async Task<string> InstallAsync()
    {
        var root = await PinnedNpmPackages.EnsureInstalledAsync(RepoPaths.TestProject, "@microsoft/app-manifest");
        var schemas = Path.Combine(root, "build", "json-schemas", "teams");
        Assert.True(Directory.Exists(schemas), $"@microsoft/app-manifest ships no {schemas}");
        return schemas;
    }
}
