using ShopAdsBot.Dialogs.Input;
using ShopAdsBot.Recognition;

namespace ShopAdsBot.Dialogs;

/// <summary>The words that work from anywhere in the conversation, in French and English (greetings and thanks outside a flow).</summary>
public enum GlobalCommand
{
    None,
    Menu,
    Restart,
    Cancel,
    Help,
    Greeting,
    Thanks,
    Continue,
}

public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Words = new()
    {
        ["menu"] = GlobalCommand.Menu, ["menu principal"] = GlobalCommand.Menu, ["main menu"] = GlobalCommand.Menu,
        ["accueil"] = GlobalCommand.Menu, ["home"] = GlobalCommand.Menu, ["retour au menu"] = GlobalCommand.Menu, ["back to menu"] = GlobalCommand.Menu,
        ["recommencer"] = GlobalCommand.Restart, ["restart"] = GlobalCommand.Restart, ["start over"] = GlobalCommand.Restart,
        ["reset"] = GlobalCommand.Restart, ["reinitialiser"] = GlobalCommand.Restart, ["on recommence"] = GlobalCommand.Restart,
        ["annuler"] = GlobalCommand.Cancel, ["cancel"] = GlobalCommand.Cancel, ["stop"] = GlobalCommand.Cancel,
        ["quitter"] = GlobalCommand.Cancel, ["quit"] = GlobalCommand.Cancel, ["arreter"] = GlobalCommand.Cancel,
        ["bonjour"] = GlobalCommand.Greeting, ["bonsoir"] = GlobalCommand.Greeting, ["salut"] = GlobalCommand.Greeting,
        ["coucou"] = GlobalCommand.Greeting, ["hello"] = GlobalCommand.Greeting, ["hi"] = GlobalCommand.Greeting,
        ["hey"] = GlobalCommand.Greeting, ["good morning"] = GlobalCommand.Greeting, ["bonjour a vous"] = GlobalCommand.Greeting,
        ["merci"] = GlobalCommand.Thanks, ["merci beaucoup"] = GlobalCommand.Thanks, ["merci bien"] = GlobalCommand.Thanks,
        ["thanks"] = GlobalCommand.Thanks, ["thank you"] = GlobalCommand.Thanks, ["thx"] = GlobalCommand.Thanks,
        ["aide"] = GlobalCommand.Help, ["help"] = GlobalCommand.Help, ["au secours"] = GlobalCommand.Help,
        [ContinueCommand] = GlobalCommand.Continue, ["continuer"] = GlobalCommand.Continue, ["reprendre"] = GlobalCommand.Continue,
    };

    /// <summary>The command values of the buttons of « Continuer ou recommencer ? ».</summary>
    public const string ContinueCommand = "continue";
    public const string RestartCommand = "restart";

    /// <summary>A command button (submit value {"command": "menu"}) or a message that is exactly one of the words.</summary>
    public static GlobalCommand Parse(DialogInput input)
    {
        if (input.Value?.Value<string>("command") is { } command)
        {
            return Words.GetValueOrDefault(TextNormalizer.Normalize(command), GlobalCommand.None);
        }
        if (input.IsSubmit || input.Text is null)
        {
            return GlobalCommand.None;
        }
        var text = input.Text.Trim().TrimStart('/');
        return text == "?" ? GlobalCommand.Help : Words.GetValueOrDefault(TextNormalizer.Normalize(text), GlobalCommand.None);
    }
}
