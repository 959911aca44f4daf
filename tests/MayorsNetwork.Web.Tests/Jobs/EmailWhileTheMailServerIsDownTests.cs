using System.Net;
using MayorsNetwork.Infrastructure.Jobs;
using MayorsNetwork.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Jobs;

/// <summary>An application made while the mail server is down is kept, and its email goes out once the server is back.</summary>
public abstract class EmailWhileTheMailServerIsDownTests(PortalFixture portal)
{
    [Fact]
    public async Task The_application_is_stored_and_its_email_is_delivered_once_the_server_returns()
    {
        await portal.Mail.StopAsync();
        var form = Applications.Valid();

        var posted = await portal.Client().SubmitFormAsync("/join", form);

        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.True(await portal.WithDbAsync(db => db.Governments.AnyAsync(g => g.Name == form["Input.Name"])));
        // The worker tried, failed with a temporary error, and keeps the message for later. (Read between
        // attempts: the worker re-claims it for the next one within a fraction of a second.)
        var failedOnce = await WaitForAsync(async () =>
            await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == form["Input.ApplicantEmail"])) is { Attempts: >= 1, Status: OutboxStatus.Pending } m ? m : null);
        Assert.Null(failedOnce.SentAtUtc);
        Assert.False(string.IsNullOrEmpty(failedOnce.LastError));

        await portal.Mail.StartAsync();

        var mail = await portal.Mail.WaitForAsync(form["Input.ApplicantEmail"]!, "membership application", TimeSpan.FromSeconds(30));
        Assert.Equal(failedOnce.MessageId, mail.MessageId);
        // The server has the message before the worker records it as sent: wait for the record, not just the delivery.
        var sent = await WaitForAsync(async () =>
            await portal.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == failedOnce.Id)) is { Status: OutboxStatus.Sent } m ? m : null);
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Single(portal.Mail.Messages(), m => m.MessageId == failedOnce.MessageId);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found) return found;
            await Task.Delay(100);
        }

        throw new TimeoutException("The condition was not met within 20 seconds.");
    }
}

public sealed class EmailWhileTheMailServerIsDownTests_Sqlite(SqlitePortal portal) : EmailWhileTheMailServerIsDownTests(portal), IClassFixture<SqlitePortal>;

public sealed class EmailWhileTheMailServerIsDownTests_Postgres(PostgresPortal portal) : EmailWhileTheMailServerIsDownTests(portal), IClassFixture<PostgresPortal>;

public sealed class EmailWhileTheMailServerIsDownTests_SqlServer(SqlServerPortal portal) : EmailWhileTheMailServerIsDownTests(portal), IClassFixture<SqlServerPortal>;
