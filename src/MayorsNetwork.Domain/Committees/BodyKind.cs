namespace MayorsNetwork.Domain.Committees;

/// <summary>The association's kinds of body. The Executive Committee and the Advisory Board are bodies like the others.</summary>
public enum BodyKind
{
    StandingCommittee = 1,
    TaskForce = 2,
    ExecutiveCommittee = 3,
    AdvisoryBoard = 4,
}
