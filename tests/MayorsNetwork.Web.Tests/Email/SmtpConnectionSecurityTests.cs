using MayorsNetwork.Infrastructure.Email;
using MayorsNetwork.Web.Tests.Support;

namespace MayorsNetwork.Web.Tests.Email;

/// <summary>
/// The MailKit sender against a real SMTP server (aiosmtpd) in plain text, with STARTTLS and with TLS from the
/// first byte, using a CA and a server certificate made for the test and trusted only through
/// Email:Smtp:TrustedCaFile. A certificate that is not trusted, or is for another name, stops the send.
/// </summary>
public sealed class SmtpConnectionSecurityTests : IAsyncLifetime
{
    private readonly SmtpSink _server = new();
    private readonly TestCertificates _certificates = TestCertificates.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _certificates.Dispose();
    }

    [Fact]
    public async Task Plain_SMTP_delivers_the_message_with_its_Message_ID_both_bodies_and_the_PDF_attachment()
    {
        await _server.StartAsync();
        var message = SmtpSenders.Message();

        await SmtpSenders.For(_server.Port, SmtpSecurity.None).SendAsync(message, CancellationToken.None);

        var mail = await _server.WaitForAsync(m => m.MessageId == message.MessageId);
        Assert.Equal(message.Subject, mail.Subject);
        Assert.Equal(message.To, mail.To);
        Assert.Equal(message.Cc, mail.Cc);
        Assert.Contains("Plain text: your invoice is attached.", mail.Text, StringComparison.Ordinal);
        Assert.Contains("<strong>invoice</strong>", mail.Html, StringComparison.Ordinal);
        var pdf = Assert.Single(mail.Attachments);
        Assert.Equal("Invoice-2027-000001.pdf", pdf.FileName);
        Assert.Equal("application/pdf", pdf.ContentType);
        Assert.Equal(message.Attachments[0].Content, pdf.Content);
        Assert.Contains("membership@mayorsnetwork.local", mail.Header("From"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task STARTTLS_delivers_when_the_test_CA_is_trusted_through_TrustedCaFile()
    {
        // aiosmtpd with a STARTTLS certificate refuses MAIL FROM until TLS is on: delivery proves the upgrade.
        await _server.StartWithTlsAsync(implicitTls: false, _certificates.ServerCertificateFile, _certificates.ServerKeyFile);
        var message = SmtpSenders.Message();

        await SmtpSenders.For(_server.Port, SmtpSecurity.StartTls, _certificates.CaFile).SendAsync(message, CancellationToken.None);

        var mail = await _server.WaitForAsync(m => m.MessageId == message.MessageId);
        Assert.Equal(message.Subject, mail.Subject);
        Assert.Single(mail.Attachments);
    }

    [Fact]
    public async Task Implicit_TLS_delivers_when_the_test_CA_is_trusted_through_TrustedCaFile()
    {
        await _server.StartWithTlsAsync(implicitTls: true, _certificates.ServerCertificateFile, _certificates.ServerKeyFile);
        var message = SmtpSenders.Message();

        await SmtpSenders.For(_server.Port, SmtpSecurity.SslOnConnect, _certificates.CaFile).SendAsync(message, CancellationToken.None);

        var mail = await _server.WaitForAsync(m => m.MessageId == message.MessageId);
        Assert.Equal(message.Subject, mail.Subject);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_certificate_from_a_CA_the_portal_does_not_trust_stops_the_send_and_nothing_is_delivered(bool implicitTls)
    {
        await _server.StartWithTlsAsync(implicitTls, _certificates.ServerCertificateFile, _certificates.ServerKeyFile);
        using var otherCa = TestCertificates.Create();
        var security = implicitTls ? SmtpSecurity.SslOnConnect : SmtpSecurity.StartTls;

        // Neither the system's trust alone, nor another CA, vouches for the server's certificate.
        foreach (var trusted in new[] { null, otherCa.CaFile })
        {
            var failure = await Assert.ThrowsAsync<TransientEmailFailureException>(() =>
                SmtpSenders.For(_server.Port, security, trusted).SendAsync(SmtpSenders.Message(), CancellationToken.None));
            Assert.Contains("TLS", failure.Message, StringComparison.Ordinal);
            Assert.Contains("certificate", failure.Message, StringComparison.Ordinal);
        }

        Assert.Empty(_server.Messages());
    }

    [Fact]
    public async Task A_certificate_from_the_trusted_CA_for_another_host_name_stops_the_send()
    {
        using var elsewhere = TestCertificates.Create("mail.elsewhere.example", includeLoopbackAddress: false);
        await _server.StartWithTlsAsync(implicitTls: true, elsewhere.ServerCertificateFile, elsewhere.ServerKeyFile);

        await Assert.ThrowsAsync<TransientEmailFailureException>(() =>
            SmtpSenders.For(_server.Port, SmtpSecurity.SslOnConnect, elsewhere.CaFile).SendAsync(SmtpSenders.Message(), CancellationToken.None));

        Assert.Empty(_server.Messages());
    }

    [Fact]
    public async Task StartTls_against_a_server_that_does_not_offer_it_fails_instead_of_sending_in_plain_text()
    {
        await _server.StartAsync();

        await Assert.ThrowsAsync<TransientEmailFailureException>(() =>
            SmtpSenders.For(_server.Port, SmtpSecurity.StartTls).SendAsync(SmtpSenders.Message(), CancellationToken.None));

        Assert.Empty(_server.Messages());
    }

    [Fact]
    public async Task A_session_sends_several_messages_over_one_connection()
    {
        await _server.StartAsync();
        var messages = Enumerable.Range(0, 3).Select(_ => SmtpSenders.Message()).ToList();

        await using (var session = SmtpSenders.For(_server.Port, SmtpSecurity.None).OpenSession())
        {
            foreach (var message in messages) await session.SendAsync(message, CancellationToken.None);
        }

        // aiosmtpd stamps each message with the client's address and port: one port, one connection.
        var received = messages.Select(m => Assert.Single(_server.Messages(), r => r.MessageId == m.MessageId)).ToList();
        Assert.Single(received.Select(r => r.Header("X-Peer")).Distinct());
    }
}
