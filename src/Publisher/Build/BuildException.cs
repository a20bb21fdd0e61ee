namespace Handbook.Publisher.Build;

/// <summary>A writer found a problem that must stop the build; the message is for the user, in Chinese.</summary>
internal sealed class BuildException(string message) : Exception(message);
