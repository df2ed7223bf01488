namespace ShopAdsBot.Dialogs;

/// <summary>Ids of the prompts shared by every flow.</summary>
public static class PromptIds
{
    public const string Choice = "flow-choice";
    public const string Confirm = "flow-confirm";
}
