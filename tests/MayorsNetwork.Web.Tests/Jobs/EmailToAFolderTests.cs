using System.Net;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>The embedded default: with no SMTP host configured, each email is written to a folder as an .eml file.</summary>
public sealed class EmailToAFolderTests(EmailToAFolderTests.FolderPortal portal) : IClassFixture<EmailToAFolderTests.FolderPortal>
{
    [Fact]
    public async Task An_application_email_is_written_to_the_pickup_folder_as_an_eml_file()
    {
        var form = Applications.Valid();

        var posted = await portal.Client().SubmitFormAsync("/join", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        ReceivedMail? mail = null;
        while (mail is null && DateTime.UtcNow < deadline)
        {
            mail = (Directory.Exists(portal.Folder) ? Directory.GetFiles(portal.Folder, "*.eml") : [])
                .Select(f => ReceivedMail.Parse(File.ReadAllText(f)))
                .FirstOrDefault(m => m.To.Contains(form["Input.ApplicantEmail"]!));
            if (mail is null) await Task.Delay(100);
        }

        Assert.NotNull(mail);
        Assert.Contains(form["Input.Name"]!, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("What happens next", mail.Text, StringComparison.Ordinal);
        Assert.Empty(portal.Mail.Messages());
    }

    public sealed class FolderPortal : SqlitePortal
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "mn-pickup-" + Guid.NewGuid().ToString("N"));

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Email:Smtp:Host", ""),
            new("Email:PickupFolder", Folder),
        ];
    }
}
