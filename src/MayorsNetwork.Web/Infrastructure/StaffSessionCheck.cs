namespace MayorsNetwork.Web.Infrastructure;

/// <summary>What <see cref="TwoFactorEnrolment.CheckStaffSessionAsync"/> found.</summary>
public enum StaffSessionCheck
{
    /// <summary>The session used a second factor (or a passkey): staff pages open.</summary>
    Open,

    /// <summary>The account has no second factor: it must turn on two-step verification or add a passkey.</summary>
    MustEnrol,

    /// <summary>The account's only second factor is a passkey, and this session was made with the password.</summary>
    MustUsePasskey,
}
