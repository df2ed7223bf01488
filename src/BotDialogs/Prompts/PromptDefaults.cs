namespace BotDialogs;

/// <summary>The few words the engine says itself, in French or English, when no renderer gives a retry.</summary>
internal static class PromptDefaults
{
    public static bool IsFrench(string? culture) => culture?.StartsWith("fr", StringComparison.OrdinalIgnoreCase) == true;

    public static string ChoiceRetry(string? culture) => IsFrench(culture)
        ? "Je n'ai pas compris votre réponse. Choisissez une des options proposées, ou tapez son numéro."
        : "Sorry, I did not understand your answer. Please pick one of the options, or type its number.";

    public static string ConfirmRetry(string? culture) => IsFrench(culture)
        ? "Je n'ai pas compris. Répondez par oui ou par non."
        : "Sorry, I did not understand. Please answer yes or no.";

    public static string TextRetry(string? culture) => IsFrench(culture)
        ? "Je n'ai pas compris. Pouvez-vous reformuler ?"
        : "Sorry, I did not understand. Could you rephrase?";

    public static (string Yes, string No) ConfirmTitles(string? culture) => IsFrench(culture) ? ("Oui", "Non") : ("Yes", "No");
}
