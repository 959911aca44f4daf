using FluentValidation;
using MayorsNetwork.Domain.Meetings;
using MayorsNetwork.Infrastructure.Data;
using MayorsNetwork.Infrastructure.Identity;
using MayorsNetwork.Web.Infrastructure;
using MayorsNetwork.Web.Pages.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace MayorsNetwork.Web.Pages.Staff.Meetings;

/// <summary>Changes a meeting's dates, place or deadline; a stale form cannot overwrite a newer change.</summary>
public sealed class EditModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, IValidator<MeetingInput> validator) : PortalPageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    [BindProperty]
    public Guid Version { get; set; }

    public int Id { get; private set; }

    public string CurrentTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return NotFound();
        Show(meeting);
        Input = MeetingInput.From(meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var posted = Version;
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (meeting is null) return NotFound();
        Show(meeting);
        if (meeting.Version != posted) return Stale(meeting);
        validator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();
        var valid = Input.ToValid();

        var staff = await users.GetUserAsync(User);
        MeetingInput.Apply(meeting, valid);
        meeting.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        meeting.UpdatedBy = staff?.FullName ?? "Staff";
        db.ExpectVersion(meeting, m => m.Version, posted);
        if (!await db.TrySaveAsync(cancellationToken))
        {
            var now = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
            if (now is null) return NotFound();
            Show(now);
            return Stale(now);
        }

        StatusMessage = $"{meeting.Title} is saved.";
        return RedirectToPage("/Staff/Meetings/Detail", new { id = meeting.Id });
    }

    private void Show(Meeting meeting)
    {
        Id = meeting.Id;
        CurrentTitle = meeting.Title;
        Version = meeting.Version;
    }

    /// <summary>Someone saved the meeting since this form was opened: show theirs, keep nothing of ours.</summary>
    private PageResult Stale(Meeting current)
    {
        ModelState.Clear();
        ModelState.AddModelError("", $"{current.Title} was changed by {current.UpdatedBy ?? "someone else"} while you were editing it; nothing was saved. Here it is as it is now; make your change again.");
        Input = MeetingInput.From(current);
        Version = current.Version;
        return Page();
    }
}
