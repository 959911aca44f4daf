namespace MayorsNetwork.Web.Pages.Staff;

/// <summary>An edit form that posts back the version of the row it was opened at (<see cref="VersionedEditPageModel{TEntity, TInput}"/>).</summary>
public interface IVersionedInput
{
    Guid Version { get; set; }
}
