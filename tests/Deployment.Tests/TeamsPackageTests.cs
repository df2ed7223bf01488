using System.Text.Json.Nodes;
using Deployment.Tests.Support;

namespace Deployment.Tests;

/// <summary>The Teams app package built by package.sh: official schemas, ids, scopes, commands, localization, icons.</summary>
public sealed class TeamsPackageTests(TeamsPackageFixture package) : IClassFixture<TeamsPackageFixture>
{
    private const string ManifestSchema = "MicrosoftTeams.schema.json";
    private const string LocalizationSchema = "MicrosoftTeams.Localization.schema.json";

    private JsonObject Manifest => JsonNode.Parse(package.Text("manifest.json"))!.AsObject();

    private JsonObject French => JsonNode.Parse(package.Text("fr.json"))!.AsObject();

    private string Version => Manifest["manifestVersion"]!.GetValue<string>();

    [Fact]
    public void Zip_holds_the_manifest_localization_and_icons_at_its_root()
    {
        Assert.Equal(
            ["color.png", "fr.json", "manifest.json", "outline.png"],
            package.Entries.Keys.Order().ToArray());
    }

    [Fact]
    public async Task Manifest_is_valid_against_the_official_schema_of_its_version()
    {
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{Version}/MicrosoftTeams.schema.json",
            Manifest["$schema"]!.GetValue<string>());
        Assert.True(new Version(Version) >= new Version(1, 16), $"manifest version {Version} is older than 1.16");

        var errors = await TeamsSchemas.ValidateAsync(Version, ManifestSchema, package.Text("manifest.json"));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task French_localization_is_valid_against_the_official_localization_schema()
    {
        Assert.Equal(
            $"https://developer.microsoft.com/json-schemas/teams/v{Version}/MicrosoftTeams.Localization.schema.json",
            French["$schema"]!.GetValue<string>());

        var errors = await TeamsSchemas.ValidateAsync(Version, LocalizationSchema, package.Text("fr.json"));

        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_schema_check_rejects_what_Teams_would_reject()
    {
        // Proves the validation has teeth: the same package with one broken field each must fail.
        var badId = Manifest;
        badId["id"] = "not-a-guid";
        var badVersion = Manifest;
        badVersion["manifestVersion"] = "1.2";
        var unknownKey = French;
        unknownKey["name.nickname"] = "ShopAds";

        Assert.NotEmpty(await TeamsSchemas.ValidateAsync(Version, ManifestSchema, badId.ToJsonString()));
        Assert.NotEmpty(await TeamsSchemas.ValidateAsync(Version, ManifestSchema, badVersion.ToJsonString()));
        Assert.NotEmpty(await TeamsSchemas.ValidateAsync(Version, LocalizationSchema, unknownKey.ToJsonString()));
    }

    [Fact]
    public async Task Schemas_use_no_draft04_only_keyword_that_a_draft07_reading_would_change()
    {
        foreach (var file in new[] { ManifestSchema, LocalizationSchema })
        {
            var text = await TeamsSchemas.SchemaTextAsync(Version, file);
            Assert.DoesNotContain("exclusiveMinimum", text);
            Assert.DoesNotContain("exclusiveMaximum", text);
        }
    }

    [Fact]
    public void Ids_and_host_are_filled_in()
    {
        var manifest = Manifest;
        Assert.Equal(TeamsPackageFixture.AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(TeamsPackageFixture.BotId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal([TeamsPackageFixture.Host], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal($"https://{TeamsPackageFixture.Host}/", manifest["developer"]!["websiteUrl"]!.GetValue<string>());
        Assert.DoesNotContain("{{", package.Text("manifest.json"));
    }

    [Fact]
    public void Bot_is_available_in_personal_team_and_group_chat()
    {
        var bot = Manifest["bots"]![0]!;
        Assert.Equal(
            ["groupChat", "personal", "team"],
            bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Order().ToArray());
        var commandScopes = bot["commandLists"]!.AsArray().SelectMany(l => l!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["groupChat", "personal", "team"], commandScopes.Distinct().Order().ToArray());
    }

    [Fact]
    public void Commands_fit_Teams_limits_in_English_and_French()
    {
        var lists = Manifest["bots"]![0]!["commandLists"]!.AsArray();
        var french = French;
        for (var l = 0; l < lists.Count; l++)
        {
            var commands = lists[l]!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, 10);
            for (var c = 0; c < commands.Count; c++)
            {
                var key = $"bots[0].commandLists[{l}].commands[{c}]";
                var titles = new[] { commands[c]!["title"]!.GetValue<string>(), french[key + ".title"]?.GetValue<string>() };
                var descriptions = new[] { commands[c]!["description"]!.GetValue<string>(), french[key + ".description"]?.GetValue<string>() };
                Assert.All(titles, t => Assert.InRange(Assert.IsType<string>(t).Length, 1, 32));
                Assert.All(descriptions, d => Assert.InRange(Assert.IsType<string>(d).Length, 1, 128));
            }
        }
    }

    [Fact]
    public void Menu_help_and_restart_commands_exist_in_both_languages()
    {
        var english = Manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray()
            .Select(c => c!["title"]!.GetValue<string>()).ToList();
        var french = French.Where(p => p.Key.EndsWith(".title", StringComparison.Ordinal) && p.Key.StartsWith("bots[0].commandLists[0]", StringComparison.Ordinal))
            .Select(p => p.Value!.GetValue<string>()).ToList();

        Assert.Subset(english.ToHashSet(), new HashSet<string> { "menu", "help", "restart" });
        Assert.Subset(french.ToHashSet(), new HashSet<string> { "menu", "aide", "recommencer" });
        Assert.Contains("L'onglet Annonces n'apparaît pas", french);
    }

    [Fact]
    public void Manifest_declares_French_and_names_the_files_it_ships()
    {
        var manifest = Manifest;
        var languages = manifest["localizationInfo"]!["additionalLanguages"]!.AsArray();
        var french = Assert.Single(languages, l => l!["languageTag"]!.GetValue<string>().StartsWith("fr", StringComparison.Ordinal));
        Assert.Contains(french!["file"]!.GetValue<string>(), package.Entries.Keys);
        Assert.Contains(manifest["icons"]!["color"]!.GetValue<string>(), package.Entries.Keys);
        Assert.Contains(manifest["icons"]!["outline"]!.GetValue<string>(), package.Entries.Keys);
        Assert.Equal("ShopAdsBot", French["name.short"]!.GetValue<string>());
    }

    [Fact]
    public void Color_icon_is_192_pixels_square_and_opaque()
    {
        var icon = PngImage.Read(package.Entries[Manifest["icons"]!["color"]!.GetValue<string>()]);

        Assert.Equal((192, 192), (icon.Width, icon.Height));
        Assert.Equal((byte)255, icon.Pixel(0, 0).A);
        Assert.Equal((byte)255, icon.Pixel(96, 96).A);
    }

    [Fact]
    public void Outline_icon_is_32_pixels_white_on_transparent()
    {
        var icon = PngImage.Read(package.Entries[Manifest["icons"]!["outline"]!.GetValue<string>()]);
        var pixels = Enumerable.Range(0, icon.Width * icon.Height).Select(p => icon.Pixel(p % icon.Width, p / icon.Width)).ToList();

        Assert.Equal((32, 32), (icon.Width, icon.Height));
        Assert.True(icon.HasAlphaChannel);
        Assert.Equal((byte)0, icon.Pixel(0, 0).A);
        Assert.Contains(pixels, p => p.A == 0);
        Assert.Contains(pixels, p => p.A == 255);
        // Every visible pixel is white: Teams tints the outline icon and rejects coloured ones.
        Assert.All(pixels.Where(p => p.A > 0), p => Assert.Equal((255, 255, 255), (p.R, p.G, p.B)));
    }

    [Fact]
    public void Manifest_template_keeps_the_placeholders_the_script_fills()
    {
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Teams, "manifest.json")))!;

        Assert.Equal("{{MICROSOFT_APP_ID}}", template["id"]!.GetValue<string>());
        Assert.Equal("{{BOT_ID}}", template["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal("{{BOT_HOST}}", template["validDomains"]![0]!.GetValue<string>());
    }
}
