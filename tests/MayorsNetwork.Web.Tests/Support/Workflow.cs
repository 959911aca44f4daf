using System.Diagnostics;
using System.Net;
using MayorsNetwork.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Tests.Support;

/// <summary>Steps several tests need: a city applies through /join and staff approve it through the staff page.</summary>
public static class Workflow
{
    public sealed record Approved(int MembershipId, Dictionary<string, string?> Form, PortalClient Staff);

    public static async Task<Approved> ApplyAndApproveAsync(PortalFixture portal, int population = 108_250, PortalClient? staff = null, Dictionary<string, string?>? form = null)
    {
        form ??= Applications.Valid(population: population);
        var posted = await portal.Client().SubmitFormAsync("/join", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        var id = await portal.WithDbAsync(db => db.Memberships.Where(m => m.Government.Name == form["Input.Name"]).Select(m => m.Id).SingleAsync());
        staff ??= await portal.SignedInStaffAsync();
        var approved = await staff.SubmitFormAsync($"/staff/applications/{id}", new Dictionary<string, string?>(), "form:has([data-testid=approve])");
        Assert.True(approved.Status == HttpStatusCode.Redirect, string.Join(" ", approved.Errors));
        Assert.Equal(MembershipStatus.Invoiced, await portal.WithDbAsync(db => db.Memberships.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        return new Approved(id, form, staff);
    }

    /// <summary>The text of a PDF, as poppler's pdftotext reads it.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"mn-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var psi = new ProcessStartInfo("pdftotext", ["-layout", file, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true };
            Process process;
            try
            {
                process = Process.Start(psi)!;
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException("Reading PDFs needs pdftotext (Debian: apt-get install poppler-utils); tests/run-all.sh installs it.", ex);
            }

            using (process)
            {
                var text = await process.StandardOutput.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.True(process.ExitCode == 0, "pdftotext could not read the PDF: " + await process.StandardError.ReadToEndAsync());
                return text;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }
}
