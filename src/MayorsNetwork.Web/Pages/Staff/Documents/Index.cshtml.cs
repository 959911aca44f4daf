using MayorsNetwork.Domain.Documents;

namespace MayorsNetwork.Web.Pages.Staff.Documents;

/// <summary>
/// The association's W-9 and ACH/remittance form (issue 14 item 4): every version, with who uploaded it, when and its
/// size, each downloadable; administrators upload a new version, which members and invoice emails get from then on.
/// The upload is read with a 5 MB limit (<see cref="UploadLimitAttribute"/>): a larger file is answered here, by the form.
/// </summary>
[UploadLimit(PdfUpload.MaxBytes)]
public sealed class IndexModel(AssociationDocuments documents, UserManager<PortalUser> users, IValidator<IndexModel.InputModel> validator) : PortalPageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<DocumentVersion> Versions { get; private set; } = [];

    /// <summary>Only administrators upload; other staff see and download the versions.</summary>
    public bool CanUpload => User.IsInRole(Roles.Admin);

    public async Task OnGetAsync(bool tooLarge, bool unreadable, CancellationToken cancellationToken)
    {
        if (tooLarge) ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.File)}", PdfUpload.TooLargeMessage);
        else if (unreadable) ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.File)}", UploadLimitAttribute.UnreadableMessage);
        Versions = await documents.VersionsAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!CanUpload) return Forbid();
        ModelState.Clear();
        (await validator.ValidateAsync(Input, cancellationToken)).AddTo(ModelState);
        if (ModelState.IsValid)
        {
            var file = Input.File!;
            var kind = Input.Kind!.Value;
            Outcome outcome;
            await using (var stream = file.OpenReadStream())
            {
                outcome = await documents.UploadAsync(kind, file.FileName, stream, file.Length, await users.StaffNameAsync(User), cancellationToken);
            }

            if (outcome.Succeeded)
            {
                var current = await documents.CurrentAsync(kind, cancellationToken);
                StatusMessage = $"The {DocumentKinds.Title(kind)} is uploaded as version {current?.Version}. Members download it from their invoices page, and invoice emails link to it.";
                return RedirectToPage();
            }

            outcome.Errors.AddTo(ModelState);
        }

        Versions = await documents.VersionsAsync(cancellationToken);
        return Page();
    }

    public sealed class InputModel
    {
        public DocumentKind? Kind { get; set; }

        public IFormFile? File { get; set; }
    }

    public sealed class Validator : AbstractValidator<InputModel>
    {
        public Validator()
        {
            RuleFor(x => x.Kind).NotNull().WithMessage("Choose which document this is: the W-9 or the ACH/remittance form.")
                .IsInEnum().WithMessage("Choose which document this is: the W-9 or the ACH/remittance form.");
            RuleFor(x => x.File).NotNull().WithMessage("Choose the PDF file to upload.");
        }
    }
}
