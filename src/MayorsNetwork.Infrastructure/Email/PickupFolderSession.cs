using MimeKit;

namespace MayorsNetwork.Infrastructure.Email;

/// <summary>Writes each message into a folder as an .eml file: the embedded default, when no SMTP host is configured.</summary>
internal sealed class PickupFolderSession(string folder, EmailOptions options) : IEmailSession
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var mime = MimeMessages.Build(message, options);
        // Seven-bit parts read the same in any mail program the file is opened with.
        mime.Prepare(EncodingConstraint.SevenBit);
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N");
        var partial = Path.Combine(folder, name + ".tmp");
        // Written under another name, then renamed: whoever watches the folder for .eml files never sees half a message.
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(folder, name + ".eml"));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
