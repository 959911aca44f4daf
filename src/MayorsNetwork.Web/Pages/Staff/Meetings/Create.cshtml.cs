using MayorsNetwork.Domain.Meetings;

namespace MayorsNetwork.Web.Pages.Staff.Meetings;

/// <summary>Staff schedule a Winter, Annual or special meeting.</summary>
public sealed class CreateModel(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock, IValidator<MeetingInput> validator) : PortalPageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public void OnGet() => Input = new MeetingInput { Kind = nameof(MeetingKind.Annual) };

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        validator.Validate(Input).AddTo(ModelState);
        if (!ModelState.IsValid) return Page();
        var valid = Input.ToValid();

        var staff = await users.GetUserAsync(User);
        var meeting = new Meeting { Title = valid.Title, PlaceCity = valid.City, PlaceState = valid.State };
        MeetingInput.Apply(meeting, valid);
        meeting.CreatedAtUtc = clock.GetUtcNow().UtcDateTime;
        meeting.CreatedBy = staff?.FullName ?? "Staff";
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);

        StatusMessage = $"{meeting.Title} is saved.";
        return RedirectToPage("/Staff/Meetings/Detail", new { id = meeting.Id });
    }
}
