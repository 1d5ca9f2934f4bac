namespace Catalog.Domain.Policies;

public enum AccessPermission
{
    Read,
    Write,
}
